/**
 * The PDOK client against answers in Locatieserver's documented shape
 * (tests/fixtures/pdok). Only fetch is stood in: PDOK is on the internet, which
 * these machines cannot reach. The app's own journey uses the same fixtures
 * through the browser (tests/e2e/near-me.spec.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPdokGeocoder, GeocoderError, parseWktPoint } from './pdok-geocoder';

const fixture = (name: string): unknown =>
	JSON.parse(
		readFileSync(new URL(`../../../tests/fixtures/pdok/${name}`, import.meta.url), 'utf8')
	);

function answering(body: unknown, status = 200) {
	const requests: URL[] = [];
	const fetcher = (input: RequestInfo | URL) => {
		requests.push(new URL(String(input)));
		return Promise.resolve(
			new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })
		);
	};
	return { fetch: fetcher as typeof fetch, requests };
}

const failing: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

async function reason(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (error) {
		return error instanceof GeocoderError ? error.reason : `other: ${String(error)}`;
	}
	return 'no error';
}

describe('suggest', () => {
	it('asks for addresses, postcodes, streets and places near the atlas, and names them', async () => {
		const http = answering(fixture('suggest-osdorpplein.json'));
		const geocoder = createPdokGeocoder({ fetch: http.fetch, near: { lng: 4.8, lat: 52.36 } });
		const suggestions = await geocoder.suggest('osdorpplein');
		expect(suggestions.map((s) => s.label)).toEqual([
			'Osdorpplein 1000, 1068TG Amsterdam',
			'Osdorpplein, Amsterdam',
			'Osdorpplein, 1068TG Amsterdam'
		]);
		const url = http.requests[0]!;
		expect(url.pathname).toBe('/bzk/locatieserver/search/v3_1/suggest');
		expect(url.searchParams.get('q')).toBe('osdorpplein');
		expect(url.searchParams.get('fq')).toContain('postcode');
		expect(url.searchParams.get('lat')).toBe('52.36');
		expect(url.searchParams.get('lon')).toBe('4.8');
	});

	it('does not ask for one letter', async () => {
		const http = answering(fixture('suggest-osdorpplein.json'));
		expect(await createPdokGeocoder({ fetch: http.fetch }).suggest(' o ')).toEqual([]);
		expect(http.requests).toHaveLength(0);
	});

	it('returns nothing when nothing matches', async () => {
		const http = answering(fixture('suggest-none.json'));
		expect(await createPdokGeocoder({ fetch: http.fetch }).suggest('zzzz')).toEqual([]);
	});

	it('says unreachable when the network fails, and failed on an error status or a strange answer', async () => {
		expect(await reason(createPdokGeocoder({ fetch: failing }).suggest('osdorp'))).toBe(
			'unreachable'
		);
		const down = answering('Service Unavailable', 503);
		expect(await reason(createPdokGeocoder({ fetch: down.fetch }).suggest('osdorp'))).toBe(
			'failed'
		);
		const html = answering('<html>maintenance</html>');
		expect(await reason(createPdokGeocoder({ fetch: html.fetch }).suggest('osdorp'))).toBe(
			'failed'
		);
		const changed = answering({ results: [] });
		expect(await reason(createPdokGeocoder({ fetch: changed.fetch }).suggest('osdorp'))).toBe(
			'failed'
		);
	});

	it('lets an aborted request end quietly, as the caller asked', async () => {
		const controller = new AbortController();
		controller.abort();
		const aborting: typeof fetch = (_, init) =>
			Promise.reject(init?.signal?.reason ?? new DOMException('aborted', 'AbortError'));
		const outcome = await reason(
			createPdokGeocoder({ fetch: aborting }).suggest('osdorp', controller.signal)
		);
		expect(outcome).toMatch(/^other:/);
	});
});

describe('lookup', () => {
	it('gives the chosen place its point, longitude first', async () => {
		const http = answering(fixture('lookup-osdorpplein.json'));
		const place = await createPdokGeocoder({ fetch: http.fetch }).lookup(
			'adr-8f2c4d2a1b6e9f0c7d3a5b1e2f4c6d8a'
		);
		expect(place).toEqual({
			label: 'Osdorpplein 1000, 1068TG Amsterdam',
			lng: 4.80171,
			lat: 52.35834
		});
		expect(http.requests[0]!.searchParams.get('id')).toBe('adr-8f2c4d2a1b6e9f0c7d3a5b1e2f4c6d8a');
	});

	it('says not found when the id no longer exists', async () => {
		const http = answering(fixture('lookup-none.json'));
		expect(await reason(createPdokGeocoder({ fetch: http.fetch }).lookup('adr-gone'))).toBe(
			'not_found'
		);
	});

	it('says unreachable when the network fails', async () => {
		expect(await reason(createPdokGeocoder({ fetch: failing }).lookup('adr-1'))).toBe(
			'unreachable'
		);
	});
});

describe('parseWktPoint', () => {
	it('reads Locatieserver points and refuses anything else', () => {
		expect(parseWktPoint('POINT(4.80171 52.35834)')).toEqual({ lng: 4.80171, lat: 52.35834 });
		expect(parseWktPoint(' point ( -1.5 2 ) ')).toEqual({ lng: -1.5, lat: 2 });
		expect(parseWktPoint('POLYGON((0 0,1 1))')).toBeNull();
		expect(parseWktPoint('POINT(4.8)')).toBeNull();
	});
});
