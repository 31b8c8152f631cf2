import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Suggestions } from './suggestions.svelte';

/** A source whose answers arrive when the test says so. */
function slowSource() {
	const pending = new Map<string, { resolve: (items: string[]) => void; signal: AbortSignal }>();
	const find = (text: string, signal: AbortSignal) =>
		new Promise<string[]>((resolve) => pending.set(text, { resolve, signal }));
	return { pending, find };
}

describe('Suggestions', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('asks only after a pause in typing', async () => {
		const source = slowSource();
		const suggestions = new Suggestions(source.find);
		suggestions.query = 'p';
		suggestions.query = 'pl';
		suggestions.query = 'plein';
		expect(suggestions.status).toBe('searching');
		await vi.advanceTimersByTimeAsync(200);
		expect([...source.pending.keys()]).toEqual(['plein']);
	});

	it('aborts an older request and drops its answer if it still arrives', async () => {
		const source = slowSource();
		const suggestions = new Suggestions(source.find);
		suggestions.query = 'plein';
		await vi.advanceTimersByTimeAsync(200);
		suggestions.query = 'taal';
		await vi.advanceTimersByTimeAsync(200);
		expect(source.pending.get('plein')?.signal.aborted).toBe(true);

		source.pending.get('taal')?.resolve(['Taalcafé']);
		await vi.advanceTimersByTimeAsync(0);
		source.pending.get('plein')?.resolve(['Wij Zijn Plein']);
		await vi.advanceTimersByTimeAsync(0);

		expect(suggestions.items).toEqual(['Taalcafé']);
		expect(suggestions.status).toBe('done');
	});

	it('forgets the suggestions when the text is cleared', async () => {
		const source = slowSource();
		const suggestions = new Suggestions(source.find);
		suggestions.query = 'plein';
		await vi.advanceTimersByTimeAsync(200);
		suggestions.clear();
		source.pending.get('plein')?.resolve(['Wij Zijn Plein']);
		await vi.advanceTimersByTimeAsync(0);
		expect(suggestions.items).toEqual([]);
		expect(suggestions.status).toBe('idle');
	});

	it('keeps why it failed, and forgets it on the next success', async () => {
		// Made when asked for, so no rejection is left unhandled in between.
		const answers = [
			() => Promise.reject(new Error('down')),
			() => Promise.resolve(['Osdorpplein'])
		];
		const suggestions = new Suggestions(() => answers.shift()!());
		suggestions.query = 'osdorp';
		await vi.advanceTimersByTimeAsync(200);
		expect(suggestions.status).toBe('failed');
		expect(suggestions.error).toBeInstanceOf(Error);
		suggestions.query = 'osdorpplein';
		await vi.advanceTimersByTimeAsync(200);
		expect(suggestions.status).toBe('done');
		expect(suggestions.error).toBeNull();
	});
});
