/**
 * Decoding of what the SQL read functions return. Both adapters hand over the
 * same JSON, so this is the single place where its shape is checked: a hosted
 * database whose migrations are behind the app fails here with a clear error
 * instead of drawing nonsense.
 */
import * as v from 'valibot';
import { BackendError } from './errors';
import {
	freshnessLevels,
	partsOfDay,
	precisions,
	areaLevels,
	collaborationKinds,
	collaborationStatuses,
	kindGroups,
	locationPrecisions,
	organisationKinds,
	programmeKinds,
	type AreaBoundaries,
	type PeriodDate,
	type Precision,
	type ProgrammeDetail,
	type ProgrammeSummary,
	type AreaFigures,
	type Atlas,
	type AreaNetwork,
	type MapViewAnswer,
	type OrganisationDetail,
	type ReferenceData,
	type JoinSuggestion,
	type SearchHit
} from './types';

const organisationKind = v.picklist(organisationKinds);
const nullableString = v.nullish(v.string(), null);
const nullableNumber = v.nullish(v.number(), null);

const referenceDataSchema = v.object({
	organisation_kinds: v.array(v.object({ id: organisationKind, group: v.picklist(kindGroups) })),
	collaboration_kinds: v.array(v.picklist(collaborationKinds)),
	themes: v.array(v.string()),
	areas: v.array(
		v.object({
			id: v.string(),
			level: v.picklist(areaLevels),
			name: v.string(),
			parent: nullableString,
			population: nullableNumber,
			has_boundary: v.boolean()
		})
	)
});

/** The column order the atlas() function promises in `organisation_fields`. */
export const atlasOrganisationFields = [
	'id',
	'slug',
	'name',
	'kind',
	'lng',
	'lat',
	'area',
	'themes',
	'open_to_newcomers',
	'illustrative',
	'languages'
] as const;
export const atlasCollaborationFields = [
	'id',
	'source',
	'target',
	'kind',
	'status',
	'started_on',
	'ended_on'
] as const;

const atlasSchema = v.object({
	organisation_fields: v.pipe(
		v.array(v.string()),
		v.check((fields) => sameList(fields, atlasOrganisationFields), 'organisation_fields')
	),
	organisations: v.array(
		v.tuple([
			v.string(),
			v.string(),
			v.string(),
			organisationKind,
			v.number(),
			v.number(),
			nullableString,
			v.array(v.string()),
			v.boolean(),
			v.boolean(),
			v.array(v.string())
		])
	),
	collaboration_fields: v.pipe(
		v.array(v.string()),
		v.check((fields) => sameList(fields, atlasCollaborationFields), 'collaboration_fields')
	),
	collaborations: v.array(
		v.tuple([
			v.string(),
			v.string(),
			v.string(),
			v.picklist(collaborationKinds),
			v.picklist(collaborationStatuses),
			nullableString,
			nullableString
		])
	),
	oversized: v.optional(v.boolean()),
	undated: v.optional(v.number()),
	// Optional: answers cached before programmes existed have neither.
	membership_fields: v.optional(
		v.pipe(
			v.array(v.string()),
			v.check((fields) => sameList(fields, ['programme', 'member', 'role']), 'membership_fields')
		)
	),
	memberships: v.optional(v.array(v.tuple([v.string(), v.string(), v.string()]))),
	programme_fields: v.optional(
		v.pipe(
			v.array(v.string()),
			v.check(
				(fields) => sameList(fields, ['id', 'slug', 'name', 'kind', 'parent']),
				'programme_fields'
			)
		)
	),
	programmes: v.optional(
		v.array(
			v.tuple([v.string(), v.string(), v.string(), v.picklist(programmeKinds), nullableString])
		)
	),
	counts: v.optional(
		v.object({
			areas: v.record(v.string(), v.number()),
			themes: v.record(v.string(), v.number()),
			kinds: v.record(v.string(), v.number()),
			languages: v.record(v.string(), v.number()),
			open: v.number(),
			shown: v.number(),
			total: v.number()
		})
	)
});

/** A start and an end as the SQL answers them: the first day of the period, and the period. */
const periodFields = {
	started_on: nullableString,
	started_precision: v.nullish(v.picklist(precisions), null),
	ended_on: nullableString,
	ended_precision: v.nullish(v.picklist(precisions), null)
};

function periodOf(day: string | null, precision: Precision | null): PeriodDate | null {
	return day ? { date: day, precision: precision ?? 'day' } : null;
}

const detailSchema = v.object({
	id: v.string(),
	slug: v.string(),
	name: v.string(),
	kind: organisationKind,
	status: v.picklist(['draft', 'published', 'archived']),
	description: v.string(),
	text_language: v.nullish(v.string(), 'nl'),
	lng: nullableNumber,
	lat: nullableNumber,
	location_precision: v.picklist(locationPrecisions),
	address: nullableString,
	postcode: nullableString,
	city: nullableString,
	area: v.nullish(
		v.object({ id: v.string(), level: v.picklist(areaLevels), name: v.string() }),
		null
	),
	website: nullableString,
	email: nullableString,
	phone: nullableString,
	open_to_newcomers: v.boolean(),
	help_wanted: v.array(v.string()),
	languages: v.array(v.string()),
	meeting_times: nullableString,
	illustrative: v.boolean(),
	source: nullableString,
	updated_at: v.string(),
	confirmed_at: v.string(),
	freshness: v.picklist(freshnessLevels),
	...periodFields,
	themes: v.array(v.string()),
	contact_people: v.array(
		v.object({
			name: v.string(),
			role: nullableString,
			email: nullableString,
			phone: nullableString,
			public: v.boolean()
		})
	),
	collaborations: v.array(
		v.object({
			id: v.string(),
			kind: v.picklist(collaborationKinds),
			status: v.picklist(collaborationStatuses),
			direction: v.picklist(['outgoing', 'incoming']),
			description: v.string(),
			...periodFields,
			partner: v.object({
				id: v.string(),
				slug: v.string(),
				name: v.string(),
				kind: organisationKind,
				illustrative: v.boolean()
			})
		})
	),
	memberships: v.optional(
		v.array(
			v.object({
				id: v.string(),
				role: v.string(),
				...periodFields,
				programme: v.object({
					slug: v.string(),
					name: v.string(),
					kind: v.picklist(programmeKinds),
					illustrative: v.boolean()
				})
			})
		),
		[]
	),
	programme: v.nullish(
		v.object({
			kind: v.picklist(programmeKinds),
			members: v.number(),
			parent: v.nullish(v.object({ slug: v.string(), name: v.string() }), null)
		}),
		null
	)
});

const meetingTime = v.object({ weekday: v.number(), part_of_day: v.picklist(partsOfDay) });

function decodeMeetingTime(t: v.InferOutput<typeof meetingTime>) {
	return { weekday: t.weekday, partOfDay: t.part_of_day };
}

const joinSuggestionsSchema = v.array(
	v.pipe(
		v.object({
			id: v.string(),
			slug: v.string(),
			name: v.string(),
			kind: organisationKind,
			lng: v.number(),
			lat: v.number(),
			distance_m: v.number(),
			open_to_newcomers: v.boolean(),
			help_wanted: v.array(v.string()),
			matched_themes: v.array(v.string()),
			matched_languages: v.array(v.string()),
			matched_times: v.array(meetingTime),
			meets: v.array(meetingTime),
			languages: v.array(v.string()),
			score: v.number(),
			illustrative: v.boolean(),
			freshness: v.picklist(freshnessLevels),
			meeting_times: nullableString,
			meeting_place: nullableString,
			join_next_step: nullableString,
			website: nullableString,
			email: nullableString,
			phone: nullableString,
			text_language: v.nullish(v.string(), 'nl')
		}),
		v.transform((row): JoinSuggestion => ({
			id: row.id,
			slug: row.slug,
			name: row.name,
			kind: row.kind,
			lng: row.lng,
			lat: row.lat,
			distance: row.distance_m,
			openToNewcomers: row.open_to_newcomers,
			helpWanted: row.help_wanted,
			matchedThemes: row.matched_themes,
			matchedLanguages: row.matched_languages,
			matchedTimes: row.matched_times.map(decodeMeetingTime),
			meets: row.meets.map(decodeMeetingTime),
			languages: row.languages,
			score: row.score,
			illustrative: row.illustrative,
			freshness: row.freshness,
			meetingTimes: row.meeting_times,
			meetingPlace: row.meeting_place,
			nextStep: row.join_next_step,
			textLanguage: row.text_language,
			website: row.website,
			email: row.email,
			phone: row.phone
		}))
	)
);

const searchHitsSchema = v.array(
	v.object({
		id: v.string(),
		slug: v.string(),
		name: v.string(),
		kind: organisationKind,
		lng: nullableNumber,
		lat: nullableNumber,
		score: v.number(),
		illustrative: v.boolean()
	})
);

export function decodeReferenceData(payload: unknown): ReferenceData {
	const data = parse(referenceDataSchema, payload, 'reference_data');
	return {
		organisationKinds: data.organisation_kinds,
		collaborationKinds: data.collaboration_kinds,
		themes: data.themes,
		areas: data.areas.map((area) => ({
			id: area.id,
			level: area.level,
			name: area.name,
			parentId: area.parent,
			population: area.population,
			hasBoundary: area.has_boundary
		}))
	};
}

export function decodeAtlas(payload: unknown): Atlas {
	const data = parse(atlasSchema, payload, 'atlas');
	return {
		organisations: data.organisations.map(
			([
				id,
				slug,
				name,
				kind,
				lng,
				lat,
				areaId,
				themes,
				openToNewcomers,
				illustrative,
				languages
			]) => ({
				id,
				slug,
				name,
				kind,
				lng,
				lat,
				areaId,
				themes,
				openToNewcomers,
				illustrative,
				languages
			})
		),
		collaborations: data.collaborations.map(
			([id, source, target, kind, status, startedOn, endedOn]) => ({
				id,
				source,
				target,
				kind,
				status,
				startedOn,
				endedOn
			})
		),
		...(data.counts ? { counts: data.counts } : {}),
		...(data.oversized ? { oversized: true } : {}),
		...(data.undated ? { undated: data.undated } : {}),
		memberships: (data.memberships ?? []).map(([programme, member, role]) => ({
			programme,
			member,
			role
		})),
		programmes: (data.programmes ?? []).map(([id, slug, name, kind, parent]) => ({
			id,
			slug,
			name,
			kind,
			parent
		}))
	};
}

/** The column orders map_view() promises. */
export const mapPointFields = ['id', 'slug', 'name', 'kind', 'lng', 'lat', 'illustrative'] as const;
export const mapCellFields = [
	'key',
	'lng',
	'lat',
	'count',
	...kindGroups,
	'west',
	'south',
	'east',
	'north',
	'ties'
] as const;
export const mapTieFields = ['source', 'target', 'count', 'confirmed', 'kind'] as const;

const fieldList = (expected: readonly string[], name: string) =>
	v.pipe(
		v.array(v.string()),
		v.check((fields) => sameList(fields, expected), name)
	);

const n = v.number();
const mapViewSchema = v.object({
	zoom: v.number(),
	organisation_fields: fieldList(mapPointFields, 'organisation_fields'),
	organisations: v.array(
		v.tuple([
			v.string(),
			v.string(),
			v.string(),
			organisationKind,
			v.number(),
			v.number(),
			v.boolean()
		])
	),
	cell_fields: fieldList(mapCellFields, 'cell_fields'),
	cells: v.array(
		// key, lng, lat, count, four kind groups, west, south, east, north, ties
		v.tuple([v.string(), n, n, n, n, n, n, n, n, n, n, n, n])
	),
	tie_fields: fieldList(mapTieFields, 'tie_fields'),
	ties: v.array(
		v.tuple([
			v.string(),
			v.string(),
			v.number(),
			v.number(),
			v.nullable(v.picklist(collaborationKinds))
		])
	),
	shown: v.number()
});

export function decodeMapView(payload: unknown): MapViewAnswer {
	const data = parse(mapViewSchema, payload, 'map_view');
	return {
		zoom: data.zoom,
		points: data.organisations.map(([id, slug, name, kind, lng, lat, illustrative]) => ({
			id,
			slug,
			name,
			kind,
			lng,
			lat,
			illustrative
		})),
		cells: data.cells.map(
			([key, lng, lat, count, residentLed, enterprise, institution, other, ...box]) => ({
				key,
				lng,
				lat,
				count,
				byGroup: { resident_led: residentLed, enterprise, institution, other },
				bounds: [box[0], box[1], box[2], box[3]],
				ties: box[4]
			})
		),
		ties: data.ties.map(([source, target, count, confirmed, kind]) => ({
			source,
			target,
			count,
			confirmed,
			kind
		})),
		shown: data.shown
	};
}

export const areaNodeFields = ['id', 'name', 'lng', 'lat', 'count', ...kindGroups, 'ties'] as const;
export const areaTieFields = ['source', 'target', 'count', 'confirmed'] as const;

const areaNetworkSchema = v.object({
	level: v.picklist(areaLevels),
	area_fields: fieldList(areaNodeFields, 'area_fields'),
	// id, name, lng, lat, count, four kind groups, ties
	areas: v.array(v.tuple([v.string(), v.string(), n, n, n, n, n, n, n, n])),
	tie_fields: fieldList(areaTieFields, 'tie_fields'),
	ties: v.array(v.tuple([v.string(), v.string(), n, n])),
	shown: n,
	unplaced: n
});

export function decodeAreaNetwork(payload: unknown): AreaNetwork {
	const data = parse(areaNetworkSchema, payload, 'area_network');
	return {
		level: data.level,
		areas: data.areas.map(
			([id, name, lng, lat, count, residentLed, enterprise, institution, other, ties]) => ({
				id,
				name,
				lng,
				lat,
				count,
				byGroup: { resident_led: residentLed, enterprise, institution, other },
				ties
			})
		),
		ties: data.ties.map(([source, target, count, confirmed]) => ({
			source,
			target,
			count,
			confirmed
		})),
		shown: data.shown,
		unplaced: data.unplaced
	};
}

export function decodeOrganisationDetail(payload: unknown): OrganisationDetail | null {
	if (payload === null || payload === undefined) return null;
	const d = parse(detailSchema, payload, 'organisation_detail');
	return {
		id: d.id,
		slug: d.slug,
		name: d.name,
		kind: d.kind,
		status: d.status,
		description: d.description,
		textLanguage: d.text_language,
		lng: d.lng,
		lat: d.lat,
		locationPrecision: d.location_precision,
		address: d.address,
		postcode: d.postcode,
		city: d.city,
		area: d.area,
		website: d.website,
		email: d.email,
		phone: d.phone,
		openToNewcomers: d.open_to_newcomers,
		helpWanted: d.help_wanted,
		languages: d.languages,
		meetingTimes: d.meeting_times,
		illustrative: d.illustrative,
		source: d.source,
		updatedAt: d.updated_at,
		confirmedAt: d.confirmed_at,
		freshness: d.freshness,
		startedOn: d.started_on,
		startedPrecision: d.started_precision,
		endedOn: d.ended_on,
		endedPrecision: d.ended_precision,
		themes: d.themes,
		contactPeople: d.contact_people,
		collaborations: d.collaborations.map((c) => ({
			id: c.id,
			kind: c.kind,
			status: c.status,
			direction: c.direction,
			description: c.description,
			startedOn: c.started_on,
			endedOn: c.ended_on,
			startedPrecision: c.started_precision,
			endedPrecision: c.ended_precision,
			partner: c.partner
		})),
		memberships: d.memberships.map((m) => ({
			id: m.id,
			role: m.role,
			started: periodOf(m.started_on, m.started_precision),
			ended: periodOf(m.ended_on, m.ended_precision),
			programme: m.programme
		})),
		programme: d.programme
	};
}

const programmeListSchema = v.array(
	v.object({
		slug: v.string(),
		name: v.string(),
		kind: v.picklist(programmeKinds),
		parent: nullableString,
		illustrative: v.boolean(),
		members: v.number()
	})
);

export function decodeProgrammeList(payload: unknown): ProgrammeSummary[] {
	return parse(programmeListSchema, payload, 'programme_list');
}

const programmeDetailSchema = v.object({
	id: v.string(),
	slug: v.string(),
	name: v.string(),
	kind: v.picklist(programmeKinds),
	description: v.nullish(v.string(), ''),
	illustrative: v.boolean(),
	parent: v.nullish(v.object({ slug: v.string(), name: v.string() }), null),
	coordinator: v.nullish(
		v.object({ slug: v.string(), name: v.string(), kind: organisationKind }),
		null
	),
	subgroups: v.array(
		v.object({ slug: v.string(), name: v.string(), kind: v.picklist(programmeKinds) })
	),
	members: v.array(
		v.object({
			id: v.string(),
			role: v.string(),
			...periodFields,
			illustrative: v.boolean(),
			via: nullableString,
			via_name: nullableString,
			organisation: v.object({
				id: v.string(),
				slug: v.string(),
				name: v.string(),
				kind: organisationKind,
				lng: nullableNumber,
				lat: nullableNumber,
				illustrative: v.boolean()
			})
		})
	),
	may_edit: v.boolean()
});

export function decodeProgrammeDetail(payload: unknown): ProgrammeDetail | null {
	if (payload === null || payload === undefined) return null;
	const d = parse(programmeDetailSchema, payload, 'programme_detail');
	return {
		id: d.id,
		slug: d.slug,
		name: d.name,
		kind: d.kind,
		description: d.description,
		illustrative: d.illustrative,
		parent: d.parent,
		coordinator: d.coordinator,
		subgroups: d.subgroups,
		members: d.members.map((m) => ({
			id: m.id,
			role: m.role,
			started: periodOf(m.started_on, m.started_precision),
			ended: periodOf(m.ended_on, m.ended_precision),
			illustrative: m.illustrative,
			via: m.via ? { slug: m.via, name: m.via_name ?? m.via } : null,
			organisation: m.organisation
		})),
		mayEdit: d.may_edit
	};
}

export function decodeJoinSuggestions(payload: unknown): JoinSuggestion[] {
	return parse(joinSuggestionsSchema, payload, 'join_suggestions');
}

export function decodeSearchHits(payload: unknown): SearchHit[] {
	return parse(searchHitsSchema, payload, 'search_organisations');
}

/** Checks a payload against its schema, or fails with where it differs. */
export function parse<S extends v.GenericSchema>(
	schema: S,
	payload: unknown,
	fn: string
): v.InferOutput<S> {
	const result = v.safeParse(schema, payload);
	if (result.success) return result.output;
	const issue = result.issues[0];
	const where = issue ? v.getDotPath(issue) : null;
	throw new BackendError(
		'incompatible',
		`${fn}() returned data this version of the app does not understand` +
			(where ? ` (at ${where}: ${issue?.message})` : ''),
		{ cause: result.issues }
	);
}

function sameList(actual: readonly string[], expected: readonly string[]): boolean {
	return actual.length === expected.length && actual.every((field, i) => field === expected[i]);
}

const areaBoundariesSchema = v.object({
	type: v.literal('FeatureCollection'),
	features: v.array(
		v.object({
			type: v.literal('Feature'),
			id: v.string(),
			properties: v.object({ id: v.string(), name: v.string(), level: v.picklist(areaLevels) }),
			geometry: v.object({
				type: v.picklist(['Polygon', 'MultiPolygon']),
				coordinates: v.array(v.unknown())
			})
		})
	)
});

export function decodeAreaBoundaries(payload: unknown): AreaBoundaries {
	return parse(areaBoundariesSchema, payload, 'area_boundaries');
}

const figuresSchema = v.array(
	v.object({
		area_id: v.string(),
		year: v.number(),
		inhabitants: nullableNumber,
		age_0_14: nullableNumber,
		age_15_24: nullableNumber,
		age_25_44: nullableNumber,
		age_45_64: nullableNumber,
		age_65_plus: nullableNumber,
		households: nullableNumber,
		// numeric arrives as a number from PostgREST and as a string from some drivers.
		low_income_share: v.nullish(
			v.pipe(v.union([v.number(), v.string()]), v.transform(Number)),
			null
		),
		source: nullableString
	})
);

export function decodeAreaFigures(payload: unknown): AreaFigures[] {
	return parse(figuresSchema, payload ?? [], 'latest_area_figures').map((f) => ({
		areaId: f.area_id,
		year: f.year,
		inhabitants: f.inhabitants,
		age0to14: f.age_0_14,
		age15to24: f.age_15_24,
		age25to44: f.age_25_44,
		age45to64: f.age_45_64,
		age65plus: f.age_65_plus,
		households: f.households,
		lowIncomeShare: f.low_income_share,
		source: f.source
	}));
}
