import {
	decodeAreaBoundaries,
	decodeAtlas,
	decodeJoinSuggestions,
	decodeOrganisationDetail,
	decodeReferenceData,
	decodeSearchHits
} from './decode';
import type {
	AreaBoundaries,
	Atlas,
	AtlasQuery,
	JoinQuery,
	JoinSuggestion,
	OrganisationDetail,
	ReferenceData,
	SearchHit
} from './types';

/** The one port through which the app reaches its data. */
export interface Backend {
	readonly info: BackendInfo;
	referenceData(): Promise<ReferenceData>;
	atlas(query?: AtlasQuery): Promise<Atlas>;
	/** Null when the organisation does not exist or is not visible to the caller. */
	organisation(slug: string): Promise<OrganisationDetail | null>;
	search(text: string, limit?: number): Promise<SearchHit[]>;
	areaBoundaries(): Promise<AreaBoundaries>;
	/** Places to join near `query.at`, best first (see join_suggestions in the migrations). */
	joinSuggestions(query: JoinQuery): Promise<JoinSuggestion[]>;
}

export type BackendKind = 'embedded' | 'hosted';

export interface BackendInfo {
	kind: BackendKind;
	/** Where the data lives: a host name, or the browser for the embedded database. */
	location: string;
}

/** The location of the embedded database. */
export const embeddedLocation = 'browser';

/** The location of a hosted project: its host, or the URL as given if it is no URL. */
export function hostedLocation(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

/**
 * The SQL functions the app calls and their named arguments. Both adapters call
 * exactly these, so the read logic lives once, in supabase/migrations.
 * `set` functions return rows; `scalar` ones return one jsonb value.
 */
export const rpcFunctions = {
	reference_data: { returns: 'scalar', args: [] },
	atlas: {
		returns: 'scalar',
		args: ['west', 'south', 'east', 'north', 'theme_ids', 'kind_ids', 'area_ids', 'language_ids']
	},
	area_boundaries: { returns: 'scalar', args: [] },
	organisation_detail: { returns: 'scalar', args: ['organisation_slug'] },
	search_organisations: { returns: 'set', args: ['query', 'max_results'] },
	join_suggestions: {
		returns: 'set',
		args: [
			'from_lng',
			'from_lat',
			'theme_ids',
			'language_ids',
			'time_slots',
			'travel',
			'max_results'
		]
	}
} as const satisfies Record<string, { returns: 'scalar' | 'set'; args: readonly string[] }>;

export type RpcName = keyof typeof rpcFunctions;
export type RpcArgs<N extends RpcName> = Partial<
	Record<(typeof rpcFunctions)[N]['args'][number], unknown>
>;

/** How an adapter calls one SQL function: the jsonb value, or the rows of a set. */
export type RpcTransport = <N extends RpcName>(name: N, args: RpcArgs<N>) => Promise<unknown>;

/** A backend over any transport: the methods, their arguments and the decoding are shared. */
export function createRpcBackend(info: BackendInfo, call: RpcTransport): Backend {
	return {
		info,
		async referenceData() {
			return decodeReferenceData(await call('reference_data', {}));
		},
		async atlas(query = {}) {
			const [west, south, east, north] = query.bbox ?? [-180, -90, 180, 90];
			const payload = await call('atlas', {
				west,
				south,
				east,
				north,
				theme_ids: nonEmpty(query.themes),
				kind_ids: nonEmpty(query.kinds),
				area_ids: nonEmpty(query.areas),
				language_ids: nonEmpty(query.languages)
			});
			return decodeAtlas(payload);
		},
		async organisation(slug) {
			return decodeOrganisationDetail(
				await call('organisation_detail', { organisation_slug: slug })
			);
		},
		async areaBoundaries() {
			return decodeAreaBoundaries(await call('area_boundaries', {}));
		},
		async joinSuggestions(query) {
			return decodeJoinSuggestions(
				await call('join_suggestions', {
					from_lng: query.at.lng,
					from_lat: query.at.lat,
					theme_ids: nonEmpty(query.themes),
					language_ids: nonEmpty(query.languages),
					time_slots: nonEmpty(query.times),
					travel: query.travel ?? 'walk',
					max_results: query.limit ?? 10
				})
			);
		},
		async search(text, limit = 10) {
			if (text.trim() === '') return [];
			return decodeSearchHits(
				await call('search_organisations', { query: text, max_results: limit })
			);
		}
	};
}

/** An empty filter means "any", which the SQL functions spell as null. */
function nonEmpty<T>(values: readonly T[] | undefined): T[] | null {
	return values && values.length > 0 ? [...values] : null;
}
