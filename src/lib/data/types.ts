/**
 * Domain types of the atlas, as the app sees them. The database is the source
 * of truth; these mirror what its read functions return (see decode.ts).
 */

export const organisationKinds = [
	'resident_initiative',
	'buurtplatform',
	'bewonersbedrijf',
	'social_enterprise',
	'entrepreneur',
	'municipality',
	'housing_corporation',
	'welfare',
	'care',
	'education',
	'police',
	'funder',
	'knowledge_institution',
	'other'
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Which side of the leefwereld/systeemwereld gap a kind stands on. */
export const kindGroups = ['resident_led', 'enterprise', 'institution', 'other'] as const;
export type KindGroup = (typeof kindGroups)[number];

export const collaborationKinds = [
	'partnership',
	'funding',
	'shared_project',
	'referral',
	'shared_space'
] as const;
export type CollaborationKind = (typeof collaborationKinds)[number];

export const collaborationStatuses = ['proposed', 'active', 'ended'] as const;
export type CollaborationStatus = (typeof collaborationStatuses)[number];

export const areaLevels = ['gemeente', 'stadsdeel', 'wijk', 'buurt'] as const;
export type AreaLevel = (typeof areaLevels)[number];

export const locationPrecisions = ['address', 'neighbourhood', 'town'] as const;
export type LocationPrecision = (typeof locationPrecisions)[number];

/** West, south, east, north in WGS84 degrees. */
export type BoundingBox = readonly [west: number, south: number, east: number, north: number];

export interface Area {
	id: string;
	level: AreaLevel;
	name: string;
	parentId: string | null;
	population: number | null;
	hasBoundary: boolean;
}

/** An area's key figures for one year, as CBS's Kerncijfers wijken en buurten give them. */
export interface AreaFigures {
	areaId: string;
	year: number;
	inhabitants: number | null;
	age0to14: number | null;
	age15to24: number | null;
	age25to44: number | null;
	age45to64: number | null;
	age65plus: number | null;
	households: number | null;
	/** Share of households with a low income, in percent. */
	lowIncomeShare: number | null;
	source: string | null;
}

export interface ReferenceData {
	organisationKinds: { id: OrganisationKind; group: KindGroup }[];
	collaborationKinds: CollaborationKind[];
	themes: string[];
	areas: Area[];
}

/** One organisation as the map and list need it: compact, no long texts. */
export interface AtlasOrganisation {
	id: string;
	slug: string;
	name: string;
	kind: OrganisationKind;
	lng: number;
	lat: number;
	areaId: string | null;
	themes: string[];
	openToNewcomers: boolean;
	illustrative: boolean;
	/** Language codes (ISO 639) spoken there. */
	languages: string[];
}

export interface AtlasCollaboration {
	id: string;
	source: string;
	target: string;
	kind: CollaborationKind;
	/** At a date (`asOf`): 'active' then, or 'ended' in the year before it. */
	status: CollaborationStatus;
	/** ISO dates; a start or end known only to the year or month is its first day. */
	startedOn?: string | null;
	endedOn?: string | null;
}

export interface Atlas {
	organisations: AtlasOrganisation[];
	collaborations: AtlasCollaboration[];
	/** What choosing each filter option would show, the other filters kept (from the same query). */
	counts?: AtlasCounts;
	/**
	 * True when the scope holds more than the query's limits allow: the answer
	 * then has the counts only, no organisations and no ties.
	 */
	oversized?: boolean;
	/** At a date: the running ties left out because no one knows when they began. */
	undated?: number;
	/** Who among them belongs to which programme, at the date: not ties. */
	memberships?: AtlasMembership[];
	/** The programmes those memberships name, and their parents. */
	programmes?: AtlasProgramme[];
}

/** What kind of group a programme is. */
export const programmeKinds = [
	'programme',
	'coalition',
	'cooperative',
	'platform',
	'opgaveteam'
] as const;
export type ProgrammeKind = (typeof programmeKinds)[number];

/** An organisation's membership of a programme, Popolo-style: member, organisation, role. */
export interface AtlasMembership {
	programme: string;
	member: string;
	role: string;
}

export interface AtlasProgramme {
	/** The programme's own organisation id. */
	id: string;
	slug: string;
	name: string;
	kind: ProgrammeKind;
	/** The programme it is a sub-group of. */
	parent: string | null;
}

/** Per option, how many organisations it would show; per area counting all that lies in it. */
export interface AtlasCounts {
	areas: Readonly<Record<string, number>>;
	themes: Readonly<Record<string, number>>;
	kinds: Readonly<Record<string, number>>;
	languages: Readonly<Record<string, number>>;
	/** How many are open to newcomers. */
	open: number;
	/** How many the filters show, of how many the caller may see. */
	shown: number;
	total: number;
}

/** Filters for the atlas; an absent filter means "any". */
export interface AtlasQuery {
	bbox?: BoundingBox;
	themes?: readonly string[];
	kinds?: readonly OrganisationKind[];
	areas?: readonly string[];
	languages?: readonly string[];
	openToNewcomers?: boolean;
	/** Words every organisation shown has in its name, description, address or themes. */
	query?: string;
	/** Beyond this many organisations, or ties among them, answer the counts only (`oversized`). */
	limits?: { organisations: number; collaborations: number };
	/** The atlas as it stood at this day (YYYY-MM-DD); today when left out. */
	asOf?: string;
	/** Members of these programmes (slugs) at the date, of their sub-groups, and the programmes. */
	programmes?: readonly string[];
}

/** What the map shows of one view: see map_view() in the migrations. */
export interface MapViewQuery extends Omit<AtlasQuery, 'bbox'> {
	bbox: BoundingBox;
	zoom: number;
	/** Also the ties among what is shown (the network on the map). */
	withTies?: boolean;
}

/** An organisation the map can tell apart from its neighbours at this zoom. */
export interface MapPoint {
	id: string;
	slug: string;
	name: string;
	kind: OrganisationKind;
	lng: number;
	lat: number;
	illustrative: boolean;
}

/** Organisations too close to tell apart at this zoom, counted in one cell of the view. */
export interface MapCell {
	/** zoom/x/y of the cell; stable while the view stays at this zoom. */
	key: string;
	/** Where its organisations lie on average, and the box around them. */
	lng: number;
	lat: number;
	bounds: BoundingBox;
	count: number;
	byGroup: Readonly<Record<KindGroup, number>>;
	/** Ties with both ends in this cell. */
	ties: number;
}

/**
 * Ties between two things on the map (an organisation's id or a cell's key),
 * with how many of them are confirmed; `kind` when they are all of one kind.
 */
export interface MapTie {
	source: string;
	target: string;
	count: number;
	confirmed: number;
	kind: CollaborationKind | null;
}

export interface MapViewAnswer {
	/** The whole zoom level the cells belong to. */
	zoom: number;
	points: MapPoint[];
	cells: MapCell[];
	ties: MapTie[];
	/** How many organisations the view holds, alone or in cells. */
	shown: number;
}

/** What the map and list can draw before the backend has started. */
export interface EarlyAnswers {
	reference: ReferenceData;
	/** Left out when large: parsing it would hold up the first screen. */
	atlas: Atlas | null;
	/** map_view() answers, each with the question it answered. */
	views: { query: MapViewQuery; answer: MapViewAnswer }[];
}

/** One area in the network between areas: its organisations counted, by kind group. */
export interface AreaNode {
	id: string;
	name: string;
	/** Where its organisations lie on average. */
	lng: number;
	lat: number;
	count: number;
	byGroup: Readonly<Record<KindGroup, number>>;
	/** Ties with both ends in this area. */
	ties: number;
}

/** Ties counted between two areas, and how many of them are confirmed. */
export interface AreaTie {
	source: string;
	target: string;
	count: number;
	confirmed: number;
}

/** The network between the areas of one level, for a scope too large to show organisation by organisation. */
export interface AreaNetwork {
	level: AreaLevel;
	areas: AreaNode[];
	ties: AreaTie[];
	/** Organisations the filters show, and of them those in no area of this level. */
	shown: number;
	unplaced: number;
}

/** Area boundaries as GeoJSON, for the areas that have one. */
export interface AreaBoundaries {
	type: 'FeatureCollection';
	features: {
		type: 'Feature';
		id: string;
		properties: { id: string; name: string; level: AreaLevel };
		geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
	}[];
}

export interface ContactPerson {
	name: string;
	role: string | null;
	email: string | null;
	phone: string | null;
	public: boolean;
}

/** How precise a start or end is known: a day, a month or a year. */
export const precisions = ['day', 'month', 'year'] as const;
export type Precision = (typeof precisions)[number];

/** A start or an end: the first day of its period, and the period. */
export interface PeriodDate {
	date: string;
	precision: Precision;
}

export interface CollaborationOfOrganisation {
	id: string;
	kind: CollaborationKind;
	status: CollaborationStatus;
	direction: 'outgoing' | 'incoming';
	description: string;
	startedOn: string | null;
	endedOn: string | null;
	startedPrecision: Precision | null;
	endedPrecision: Precision | null;
	partner: {
		id: string;
		slug: string;
		name: string;
		kind: OrganisationKind;
		illustrative: boolean;
	};
}

/**
 * How long ago an entry was last confirmed, as private.freshness() names it:
 * 'ageing' from 10 months (its coordinator sees it coming), 'stale' from 12
 * (visitors read "niet recent bevestigd"), 'expired' from 24 (no longer
 * suggested to newcomers).
 */
export const freshnessLevels = ['fresh', 'ageing', 'stale', 'expired'] as const;
export type Freshness = (typeof freshnessLevels)[number];

/** A year or more without confirmation: what visitors see as "niet recent bevestigd". */
export const notRecentlyConfirmed = (freshness: Freshness): boolean =>
	freshness === 'stale' || freshness === 'expired';

export interface OrganisationDetail {
	id: string;
	slug: string;
	name: string;
	kind: OrganisationKind;
	status: 'draft' | 'published' | 'archived';
	description: string;
	/** The language its own texts (name, description, times) are written in. */
	textLanguage: string;
	lng: number | null;
	lat: number | null;
	locationPrecision: LocationPrecision;
	address: string | null;
	postcode: string | null;
	city: string | null;
	area: { id: string; level: AreaLevel; name: string } | null;
	website: string | null;
	email: string | null;
	phone: string | null;
	openToNewcomers: boolean;
	helpWanted: string[];
	languages: string[];
	meetingTimes: string | null;
	illustrative: boolean;
	source: string | null;
	updatedAt: string;
	/** When someone last confirmed it is still correct (any save does). */
	confirmedAt: string;
	/** When it began and (if it did) ended: the first day of the period, and the period. */
	startedOn: string | null;
	startedPrecision: Precision | null;
	endedOn: string | null;
	endedPrecision: Precision | null;
	freshness: Freshness;
	themes: string[];
	contactPeople: ContactPerson[];
	collaborations: CollaborationOfOrganisation[];
	/** The programmes it belongs to: it is the member, the programme the organisation. */
	memberships: MembershipOfOrganisation[];
	/** When it is itself a programme: what kind, how many belong to it now, and its parent. */
	programme: {
		kind: ProgrammeKind;
		members: number;
		parent: { slug: string; name: string } | null;
	} | null;
}

export interface MembershipOfOrganisation {
	id: string;
	role: string;
	started: PeriodDate | null;
	ended: PeriodDate | null;
	programme: { slug: string; name: string; kind: ProgrammeKind; illustrative: boolean };
}

/** One programme for the filter: parents come before their sub-groups. */
export interface ProgrammeSummary {
	slug: string;
	name: string;
	kind: ProgrammeKind;
	parent: string | null;
	illustrative: boolean;
	/** How many belong to it now (not counting its sub-groups' members). */
	members: number;
}

/** A programme's page: see programme_detail() in the migrations. */
export interface ProgrammeDetail {
	id: string;
	slug: string;
	name: string;
	kind: ProgrammeKind;
	description: string;
	illustrative: boolean;
	parent: { slug: string; name: string } | null;
	coordinator: { slug: string; name: string; kind: OrganisationKind } | null;
	subgroups: { slug: string; name: string; kind: ProgrammeKind }[];
	members: ProgrammeMember[];
	/** Whether the caller may change it: its own editors, its coordinator's, the area's coordinator. */
	mayEdit: boolean;
}

export interface ProgrammeMember {
	id: string;
	role: string;
	started: PeriodDate | null;
	ended: PeriodDate | null;
	illustrative: boolean;
	/** The sub-group it belongs to, when not the programme itself. */
	via: { slug: string; name: string } | null;
	organisation: {
		id: string;
		slug: string;
		name: string;
		kind: OrganisationKind;
		lng: number | null;
		lat: number | null;
		illustrative: boolean;
	};
}

/** When a newcomer has time, as join_suggestions() takes it. */
export const timeSlots = ['weekday_daytime', 'weekday_evening', 'weekend'] as const;
export type TimeSlot = (typeof timeSlots)[number];

export const partsOfDay = ['morning', 'afternoon', 'evening'] as const;
export type PartOfDay = (typeof partsOfDay)[number];

/** How far a newcomer will go: on foot (1.5 km) or by bike (5 km). */
export type Travel = 'walk' | 'cycle';

/** A newcomer's answers; every one may be left out. */
export interface JoinQuery {
	at: { lng: number; lat: number };
	themes?: readonly string[];
	languages?: readonly string[];
	times?: readonly TimeSlot[];
	travel?: Travel;
	limit?: number;
}

/** A place to join, with what matched: the reasons the app puts into words. */
export interface JoinSuggestion extends Pick<
	AtlasOrganisation,
	'id' | 'slug' | 'name' | 'kind' | 'lng' | 'lat'
> {
	distance: number;
	openToNewcomers: boolean;
	helpWanted: string[];
	matchedThemes: string[];
	matchedLanguages: string[];
	/** ISO weekday (1 is Monday) and part of the day. */
	matchedTimes: { weekday: number; partOfDay: PartOfDay }[];
	/** Every time it meets and every language it speaks, matched or not. */
	meets: { weekday: number; partOfDay: PartOfDay }[];
	languages: string[];
	score: number;
	/** A made-up example: it offers no contact, and the app says so. */
	illustrative: boolean;
	freshness: Freshness;
	/** How to join: when and where it meets, the first step, and its public contact. */
	meetingTimes: string | null;
	meetingPlace: string | null;
	nextStep: string | null;
	/** The language the organisation wrote those texts in (a BCP 47 tag, as its detail has). */
	textLanguage: string;
	website: string | null;
	email: string | null;
	phone: string | null;
}

export interface SearchHit {
	id: string;
	slug: string;
	name: string;
	kind: OrganisationKind;
	lng: number | null;
	lat: number | null;
	score: number;
	/** A made-up example: marked wherever it is named. */
	illustrative: boolean;
}
