/**
 * The resource's states and its ordering of answers, with loaders the test
 * answers by hand. (Which backend call each page makes is the journeys'
 * business; the `resource()` wiring is Svelte's effect, exercised
 * by every journey that opens an organisation, a history or a queue.)
 */
import { describe, expect, it } from 'vitest';
import { BackendError } from '$lib/data/errors';
import type { Backend } from '$lib/data';
import { Resource } from './resource.svelte';

const backend = { info: { kind: 'embedded' } } as unknown as Backend;

/** A loader whose answers the test gives, one pending request per ask. */
function answerByHand<T>() {
	const asked: {
		key: string;
		signal: AbortSignal;
		resolve(value: T | null): void;
		reject(error: unknown): void;
	}[] = [];
	const load = (_: Backend, key: string, signal: AbortSignal) =>
		new Promise<T | null>((resolve, reject) => asked.push({ key, signal, resolve, reject }));
	return { load, asked };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Resource', () => {
	it('waits while there is no backend or nothing to ask', () => {
		const { load, asked } = answerByHand<string>();
		const resource = new Resource(load);
		resource.ask(null, 'lsa');
		expect(resource.state).toEqual({ status: 'waiting' });
		resource.ask(backend, undefined);
		expect(resource.state).toEqual({ status: 'waiting' });
		expect(asked).toHaveLength(0);
	});

	it('loads, then holds what was found, or says it is missing', async () => {
		const { load, asked } = answerByHand<string>();
		const resource = new Resource(load);
		resource.ask(backend, 'lsa');
		expect(resource.state.status).toBe('loading');
		asked[0]!.resolve('LSA bewoners');
		await settle();
		expect(resource.state).toEqual({ status: 'found', value: 'LSA bewoners' });
		expect(resource.value).toBe('LSA bewoners');

		resource.ask(backend, 'gone');
		asked[1]!.resolve(null);
		await settle();
		expect(resource.state).toEqual({ status: 'missing' });
		expect(resource.value).toBeUndefined();
	});

	it('drops the answer to a question no longer asked, and aborts it', async () => {
		const { load, asked } = answerByHand<string>();
		const resource = new Resource(load);
		resource.ask(backend, 'first');
		resource.ask(backend, 'second');
		expect(asked[0]!.signal.aborted).toBe(true);
		asked[1]!.resolve('Second');
		asked[0]!.resolve('First, late');
		await settle();
		expect(resource.value).toBe('Second');
	});

	it('says a failure in the person’s words and retries the same question', async () => {
		const { load, asked } = answerByHand<string>();
		const resource = new Resource(load);
		resource.ask(backend, 'lsa');
		asked[0]!.reject(new BackendError('unreachable', 'fetch failed'));
		await settle();
		expect(resource.state.status).toBe('failed');
		const failed = resource.state as { message: string };
		expect(failed.message).toBeTruthy();
		expect(failed.message).not.toContain('fetch failed');

		const retried = resource.retry();
		expect(resource.state.status).toBe('loading');
		expect(asked[1]!.key).toBe('lsa');
		asked[1]!.resolve('LSA bewoners');
		await retried;
		expect(resource.value).toBe('LSA bewoners');
	});

	it('keeps what is shown while it reloads after a write', async () => {
		const { load, asked } = answerByHand<string[]>();
		const resource = new Resource(load);
		resource.ask(backend, 'queue');
		asked[0]!.resolve(['a', 'b']);
		await settle();
		const reloaded = resource.reload();
		expect(resource.value).toEqual(['a', 'b']);
		asked[1]!.resolve(['b']);
		await reloaded;
		expect(resource.value).toEqual(['b']);
	});

	it('does not report an aborted request as a failure', async () => {
		const { load, asked } = answerByHand<string>();
		const resource = new Resource(load);
		resource.ask(backend, 'lsa');
		asked[0]!.resolve('LSA bewoners');
		await settle();
		const reloaded = resource.reload();
		asked[1]!.reject(new DOMException('The user aborted a request.', 'AbortError'));
		await reloaded;
		expect(resource.state).toEqual({ status: 'found', value: 'LSA bewoners' });
	});

	it('stops: an answer after the page went is not shown', async () => {
		const { load, asked } = answerByHand<string>();
		const resource = new Resource(load);
		resource.ask(backend, 'lsa');
		resource.stop();
		expect(asked[0]!.signal.aborted).toBe(true);
		asked[0]!.resolve('LSA bewoners');
		await settle();
		expect(resource.state.status).toBe('loading');
	});
});
