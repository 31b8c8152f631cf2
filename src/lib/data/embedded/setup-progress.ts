import type { SetupStep } from './database-setup';

/**
 * Setup progress travels from the database worker to every tab on a
 * BroadcastChannel, beside (not inside) PGlite's own worker protocol.
 */
const channelName = 'buurtatlas-database-setup';

export function announceSetupStep(step: SetupStep): void {
	const channel = new BroadcastChannel(channelName);
	channel.postMessage(step);
	channel.close();
}

export function onSetupStep(listener: (step: SetupStep) => void): () => void {
	const channel = new BroadcastChannel(channelName);
	channel.onmessage = (event: MessageEvent<SetupStep>) => listener(event.data);
	return () => channel.close();
}
