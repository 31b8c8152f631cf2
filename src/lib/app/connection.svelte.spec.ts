/**
 * The connection's states, with a stand-in for the backend's start (the real
 * start of each backend is the journeys' business: tests/e2e/atlas.spec.ts)
 * and the real setup progress channel the database worker announces on.
 */
import { describe, expect, it } from 'vitest';
import type { Backend } from '$lib/data';
import { announceSetupStep } from '$lib/data/embedded/setup-progress';
import { Connection } from './connection.svelte';

const backend = { info: { kind: 'embedded' } } as unknown as Backend;

/** A start that finishes when the test says. */
function startByHand() {
	const starts: { resolve(value: Backend): void; reject(error: Error): void }[] = [];
	const connect = () => new Promise<Backend>((resolve, reject) => starts.push({ resolve, reject }));
	return { connect, starts };
}

/** Lets the channel's messages and the promises behind them arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('Connection', () => {
	it('waits until asked, starts once, and tells every listener when it is ready', async () => {
		const { connect, starts } = startByHand();
		const connection = new Connection(connect);
		const told: Backend[] = [];
		connection.onOpen((ready) => told.push(ready));
		expect(connection.state.phase).toBe('waiting');

		const first = connection.open();
		const second = connection.open();
		expect(connection.state.phase).toBe('starting');
		expect(starts).toHaveLength(1);
		starts[0]!.resolve(backend);
		expect(await first).toBe(backend);
		expect(await second).toBe(backend);
		expect(connection.state.phase).toBe('ready');
		expect(connection.backend).toBe(backend);
		expect(told).toEqual([backend]);

		// A listener that comes later hears at once.
		const late: Backend[] = [];
		connection.onOpen((ready) => late.push(ready));
		expect(late).toEqual([backend]);
	});

	it('shows the database setup’s progress while it starts', async () => {
		const { connect, starts } = startByHand();
		const connection = new Connection(connect);
		void connection.open();
		announceSetupStep({ step: 'migration', done: 3, total: 16 });
		await settle();
		expect(connection.state).toEqual({ phase: 'migrating', done: 3, total: 16 });
		announceSetupStep({ step: 'seed' });
		await settle();
		expect(connection.state).toEqual({ phase: 'seeding' });
		starts[0]!.resolve(backend);
		await settle();
		expect(connection.state).toEqual({ phase: 'ready' });
		// Once ready, a late announcement (another tab's setup) changes nothing.
		announceSetupStep({ step: 'seed' });
		await settle();
		expect(connection.state).toEqual({ phase: 'ready' });
	});

	it('says when the start failed, and starts again on retry', async () => {
		const { connect, starts } = startByHand();
		const connection = new Connection(connect);
		const told: Backend[] = [];
		connection.onOpen((ready) => told.push(ready));
		const failed = connection.open();
		starts[0]!.reject(new Error('no IndexedDB'));
		await expect(failed).rejects.toThrow('no IndexedDB');
		expect(connection.state).toMatchObject({ phase: 'failed' });
		expect(connection.backend).toBeNull();

		connection.retry();
		expect(connection.state.phase).toBe('starting');
		starts[1]!.resolve(backend);
		await settle();
		expect(connection.state.phase).toBe('ready');
		expect(told).toEqual([backend]);
		// Retrying what works does nothing.
		connection.retry();
		expect(starts).toHaveLength(2);
	});
});
