/** `vite preview` of the current build on a port of its own; resolves with how to stop it. */
import { spawn } from 'node:child_process';

export async function startPreview(port: number): Promise<() => void> {
	const origin = `http://localhost:${port}`;
	const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
		stdio: 'ignore',
		detached: true
	});
	for (let i = 0; i < 60; i += 1) {
		try {
			if ((await fetch(origin)).ok) return () => process.kill(-server.pid!);
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	process.kill(-server.pid!);
	throw new Error('vite preview did not start');
}
