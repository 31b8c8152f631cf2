/**
 * Dutch addresses and postcodes through PDOK Locatieserver, the government's
 * free geocoder (no key): `suggest` while the user types, then `lookup` for
 * the chosen suggestion's point. Answers are checked against the documented
 * response shape, so a change on their side is an error we can name, not a
 * crash.
 */
import * as v from 'valibot';
import { env } from '$env/dynamic/public';
import type { LngLat } from './distance';

export const defaultGeocoderUrl = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';

export interface PlaceSuggestion {
	id: string;
	label: string;
	type: string;
}

export interface Place extends LngLat {
	label: string;
}

export type GeocoderFailure = 'unreachable' | 'failed' | 'not_found';

export class GeocoderError extends Error {
	constructor(
		readonly reason: GeocoderFailure,
		options?: ErrorOptions
	) {
		super(`geocoder ${reason}`, options);
		this.name = 'GeocoderError';
	}
}

export interface Geocoder {
	suggest(query: string, signal?: AbortSignal): Promise<PlaceSuggestion[]>;
	lookup(id: string, signal?: AbortSignal): Promise<Place>;
	/** The best match for a whole address or postcode, in one request (for imports). */
	locate(query: string, signal?: AbortSignal): Promise<Place>;
}

const suggestSchema = v.object({
	response: v.object({
		docs: v.array(v.object({ id: v.string(), weergavenaam: v.string(), type: v.string() }))
	})
});

const lookupSchema = v.object({
	response: v.object({
		numFound: v.number(),
		docs: v.array(v.object({ weergavenaam: v.string(), centroide_ll: v.string() }))
	})
});

/** `POINT(4.80171 52.35834)`, longitude first, as Locatieserver writes it. */
export function parseWktPoint(text: string): LngLat | null {
	const match = /^POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/i.exec(text.trim());
	if (!match) return null;
	return { lng: Number(match[1]), lat: Number(match[2]) };
}

/** What Locatieserver may suggest: addresses, postcodes, streets and places. */
const suggestTypes = 'type:(adres OR postcode OR weg OR woonplaats)';

/** Long enough for a slow phone connection, short enough to offer the map instead. */
const timeoutMs = 6000;

export interface GeocoderOptions {
	baseUrl?: string;
	fetch?: typeof fetch;
	/** Suggestions near this point come first (the atlas' own area). */
	near?: LngLat;
	rows?: number;
}

export function createPdokGeocoder(options: GeocoderOptions = {}): Geocoder {
	const baseUrl = (options.baseUrl ?? defaultGeocoderUrl).replace(/\/$/, '');
	const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);

	async function get(path: string, params: Record<string, string>, signal?: AbortSignal) {
		const url = `${baseUrl}/${path}?${new URLSearchParams(params).toString()}`;
		const timeout = AbortSignal.timeout(timeoutMs);
		let response: Response;
		try {
			response = await fetcher(url, {
				signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
				headers: { accept: 'application/json' }
			});
		} catch (error) {
			if (signal?.aborted) throw error; // the caller moved on; not a failure to report
			throw new GeocoderError('unreachable', { cause: error });
		}
		if (!response.ok) throw new GeocoderError('failed', { cause: `HTTP ${response.status}` });
		try {
			return (await response.json()) as unknown;
		} catch (error) {
			throw new GeocoderError('failed', { cause: error });
		}
	}

	return {
		async suggest(query, signal) {
			const q = query.trim();
			if (q.length < 2) return [];
			const params: Record<string, string> = {
				q,
				fq: suggestTypes,
				rows: String(options.rows ?? 6)
			};
			if (options.near) {
				params['lat'] = String(options.near.lat);
				params['lon'] = String(options.near.lng);
			}
			const parsed = v.safeParse(suggestSchema, await get('suggest', params, signal));
			if (!parsed.success) throw new GeocoderError('failed', { cause: parsed.issues });
			return parsed.output.response.docs.map((doc) => ({
				id: doc.id,
				label: doc.weergavenaam,
				type: doc.type
			}));
		},

		async lookup(id, signal) {
			return firstPlace(
				await get('lookup', { id, fl: 'id,weergavenaam,centroide_ll,type' }, signal)
			);
		},

		async locate(query, signal) {
			const q = query.trim();
			if (q.length < 2) throw new GeocoderError('not_found');
			return firstPlace(
				await get(
					'free',
					{ q, fq: 'type:(adres OR postcode)', rows: '1', fl: 'id,weergavenaam,centroide_ll,type' },
					signal
				)
			);
		}
	};

	function firstPlace(answer: unknown): Place {
		const parsed = v.safeParse(lookupSchema, answer);
		if (!parsed.success) throw new GeocoderError('failed', { cause: parsed.issues });
		const doc = parsed.output.response.docs[0];
		if (!doc) throw new GeocoderError('not_found');
		const point = parseWktPoint(doc.centroide_ll);
		if (!point) throw new GeocoderError('failed', { cause: doc.centroide_ll });
		return { label: doc.weergavenaam, ...point };
	}
}

/** The geocoder the app uses: PDOK, or PUBLIC_GEOCODER_URL where another runs. */
export function appGeocoder(near: LngLat): Geocoder {
	return createPdokGeocoder({ baseUrl: env.PUBLIC_GEOCODER_URL?.trim() || undefined, near });
}
