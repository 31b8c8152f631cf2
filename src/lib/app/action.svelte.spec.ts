import { describe, expect, it } from 'vitest';
import { BackendError } from '$lib/data/errors';
import { Action } from './action.svelte';

describe('Action', () => {
	it('is busy while its work runs, and a second run meanwhile does nothing', async () => {
		const action = new Action();
		let finish = () => {};
		const work = new Promise<void>((resolve) => (finish = resolve));
		let runs = 0;
		const first = action.run(() => ((runs += 1), work));
		expect(action.busy).toBe(true);
		expect(await action.run(() => ((runs += 1), Promise.resolve()))).toBe(false);
		finish();
		expect(await first).toBe(true);
		expect(action.busy).toBe(false);
		expect(runs).toBe(1);
	});

	it('says what went wrong in the person’s words, and clears it on the next try', async () => {
		const action = new Action();
		const failed = await action.run(() =>
			Promise.reject(new BackendError('unreachable', 'fetch failed'))
		);
		expect(failed).toBe(false);
		expect(action.busy).toBe(false);
		expect(action.problem).toBeTruthy();
		expect(action.problem).not.toContain('fetch failed');
		await action.run(() => Promise.resolve());
		expect(action.problem).toBeNull();
	});

	it('does not explain a request dropped on purpose', async () => {
		const action = new Action();
		const done = await action.run(() => Promise.reject(new DOMException('aborted', 'AbortError')));
		expect(done).toBe(false);
		expect(action.problem).toBeNull();
	});
});
