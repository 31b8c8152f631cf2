/**
 * What keeping the atlas current reads and writes: the signed-in account, an
 * organisation as its editors see it, collaborations to confirm, suggestions
 * and history. Shapes follow the SQL functions in the editing migration.
 */
import type {
	CollaborationKind,
	CollaborationStatus,
	Freshness,
	OrganisationDetail,
	Precision,
	OrganisationKind,
	PartOfDay
} from './types';

export type OrganisationStatus = OrganisationDetail['status'];

export interface Account {
	userId: string;
	displayName: string;
	isAdmin: boolean;
	/** The areas this user coordinates (with all that lies within them). */
	coordinatorAreas: { id: string; name: string }[];
	organisations: {
		id: string;
		slug: string;
		name: string;
		status: OrganisationStatus;
		role: string;
	}[];
}

/** A local demo account of the embedded database. */
export interface DemoAccount {
	userId: string;
	email: string;
	displayName: string;
	isAdmin: boolean;
	coordinatorAreas: string[];
	organisations: string[];
}

export interface MeetingSlot {
	/** ISO weekday: 1 is Monday. */
	weekday: number;
	partOfDay: PartOfDay;
}

/**
 * Everything an editor fills in: the organisation's own columns (as the detail
 * names them), its area by id, and its meeting times as slots.
 */
export interface OrganisationFields extends Pick<
	OrganisationDetail,
	| 'name'
	| 'kind'
	| 'description'
	| 'textLanguage'
	| 'lng'
	| 'lat'
	| 'locationPrecision'
	| 'address'
	| 'postcode'
	| 'city'
	| 'website'
	| 'email'
	| 'phone'
	| 'openToNewcomers'
	| 'helpWanted'
	| 'languages'
	| 'meetingTimes'
	| 'themes'
	| 'startedOn'
	| 'startedPrecision'
	| 'endedOn'
	| 'endedPrecision'
> {
	areaId: string | null;
	meetingPlace: string | null;
	joinNextStep: string | null;
	meetingSlots: MeetingSlot[];
}

export interface CollaborationForEdit {
	id: string;
	kind: CollaborationKind;
	status: CollaborationStatus;
	description: string;
	startedOn: string | null;
	endedOn: string | null;
	startedPrecision: Precision | null;
	endedPrecision: Precision | null;
	direction: 'outgoing' | 'incoming';
	proposedByUs: boolean;
	canConfirm: boolean;
	partner: { id: string; slug: string; name: string; kind: OrganisationKind };
}

export interface OrganisationForEdit extends OrganisationFields {
	id: string;
	slug: string;
	version: number;
	status: OrganisationStatus;
	updatedAt: string;
	confirmedAt: string;
	freshness: Freshness;
	/** Whether this user may publish it: a coordinator of its area, or an admin. */
	canPublish: boolean;
	collaborations: CollaborationForEdit[];
}

export interface EditableOrganisation {
	id: string;
	slug: string;
	name: string;
	kind: OrganisationKind;
	status: OrganisationStatus;
	area: string | null;
	updatedAt: string;
	freshness: Freshness;
	member: boolean;
	proposalsWaiting: number;
}

/** An entry in a coordinator's areas that has not been confirmed for 10 months or more. */
export interface StaleOrganisation {
	id: string;
	slug: string;
	name: string;
	kind: OrganisationKind;
	/** Its public address, or that of a contact person who chose to be public. */
	email: string | null;
	website: string | null;
	illustrative: boolean;
	confirmedAt: string;
	freshness: Freshness;
	area: string | null;
	/** Its running ties that were not confirmed for 12 months or more. */
	staleTies: number;
}

/** Someone who edits an organisation. */
export interface OrganisationMember {
	userId: string;
	name: string;
	role: 'member' | 'admin';
	since: string;
}

export interface OrganisationMembers {
	members: OrganisationMember[];
	/** Whether this user may add and remove them: the coordinator of its area, or an admin. */
	canManage: boolean;
	/** Whether this user may invite someone: an admin of the organisation, or its coordinator. */
	canInvite: boolean;
	/** Open invitations, for those who may invite. */
	invitations: Invitation[];
}

/** Someone asked by e-mail to help keep an organisation; a member once they sign in. */
export interface Invitation {
	id: string;
	email: string;
	role: 'member' | 'admin';
	since: string;
}

/** Someone with an account, as coordinators and admins choose from. */
export interface Person {
	userId: string;
	name: string;
}

export interface AtlasRole {
	id: number;
	userId: string;
	name: string;
	role: 'coordinator' | 'admin';
	areaId: string | null;
	area: string | null;
	since: string;
}

/** A role handed out or withdrawn, as the audit log keeps it. */
export interface RoleChange {
	at: string;
	action: 'insert' | 'update' | 'delete';
	actor: string | null;
	person: string | null;
	role: string | null;
	area: string | null;
}

export interface ConfirmedOrganisation {
	version: number;
	confirmedAt: string;
}

export interface SavedOrganisation {
	id: string;
	slug: string;
	version: number;
	status: OrganisationStatus;
}

export interface SuggestionInput {
	name: string;
	kind: OrganisationKind;
	description: string;
	themes: string[];
	lng: number;
	lat: number;
	address: string | null;
	areaId: string | null;
	website: string | null;
	email: string | null;
	submitterNote: string | null;
	/** The field people never see; robots fill it. */
	honeypot: string;
}

export interface PendingSuggestion extends Omit<SuggestionInput, 'honeypot'> {
	id: string;
	createdAt: string;
}

export interface HistoryChange {
	table:
		| 'organisations'
		| 'organisation_themes'
		| 'meeting_times'
		| 'collaborations'
		| 'memberships'
		| 'contact_people'
		| 'programmes'
		| 'programme_memberships';
	action: 'insert' | 'update' | 'delete';
	record: string;
	before: Record<string, unknown> | null;
	after: Record<string, unknown> | null;
}

/** One version: everything one save changed. */
export interface HistoryVersion {
	version: number;
	at: string;
	/** Who saved it; null for the atlas's starting data. */
	actor: string | null;
	changesOrganisation: boolean;
	changes: HistoryChange[];
	/** The import this version came from, if it did. */
	importBatch: { id: string; label: string; undone: boolean } | null;
}

/** What import_organisations() takes: rows the app has parsed, mapped, placed and matched. */
export interface ImportBatchInput {
	label: string;
	status: 'draft' | 'published';
	all_or_nothing: boolean;
	dry_run: boolean;
	organisations: { row: number; ref: string; id?: string; fields: Record<string, unknown> }[];
	ties: {
		row: number;
		from: string | null;
		to: string | null;
		other_name: string | null;
		kind: string;
		description: string;
	}[];
}

/** A row the database refused, with its reason as the database named it. */
export interface ImportRefusal {
	sheet: 'organisations' | 'ties';
	row: number;
	reason: string;
	constraint: string | null;
}

export interface ImportOutcome {
	/** Null for a preview, or when "all or nothing" met a refusal. */
	batchId: string | null;
	written: boolean;
	created: number;
	updated: number;
	unchanged: number;
	tiesCreated: number;
	tiesExisting: number;
	tiesPending: number;
	refused: ImportRefusal[];
	/** Each row's ref and the organisation it became. */
	ids: Record<string, string>;
}

/** A polygonal GeoJSON geometry in WGS84. */
export type Polygonal =
	| { type: 'Polygon'; coordinates: [number, number][][] }
	| { type: 'MultiPolygon'; coordinates: [number, number][][][] };

/** One outline of CBS's wijk- en buurtkaart, as import_areas() takes it. */
export interface AreaImportRow {
	/** Feature number in its file, from 1. */
	row: number;
	code: string;
	level: 'gemeente' | 'wijk' | 'buurt';
	name: string;
	parent_code: string | null;
	gemeente_code: string | null;
	gemeente_name: string | null;
	boundary: Polygonal;
}

/** One area's key figures for a year, as import_areas() takes them. */
export interface FigureImportRow {
	row: number;
	code: string;
	year: number;
	inhabitants: number | null;
	age_0_14: number | null;
	age_15_24: number | null;
	age_25_44: number | null;
	age_45_64: number | null;
	age_65_plus: number | null;
	households: number | null;
	low_income_share: number | null;
}

export interface AreaImportInput {
	label: string;
	dry_run: boolean;
	source: string | null;
	figures_source: string | null;
	areas: readonly AreaImportRow[];
	figures: readonly FigureImportRow[];
}

export interface AreaImportRefusal {
	sheet: 'areas' | 'figures';
	row: number | null;
	code: string | null;
	reason: string;
	detail: string | null;
}

export interface AreaImportOutcome {
	batchId: string | null;
	written: boolean;
	areasCreated: number;
	areasUpdated: number;
	areasUnchanged: number;
	figuresCreated: number;
	figuresUpdated: number;
	figuresUnchanged: number;
	/** Organisations that moved into a buurt their point lies in. */
	organisationsMoved: number;
	refused: AreaImportRefusal[];
}

export interface RecentImport {
	id: string;
	label: string;
	createdAt: string;
	/** Organisations and ties, or areas and their figures. */
	kind: 'organisations' | 'areas';
	summary: {
		created: number;
		updated: number;
		ties: number;
		pending: number;
		areas: number;
		figures: number;
	};
	undoneAt: string | null;
	mine: boolean;
}

/** An organisation as export_organisations() gives it: every public field. */
export interface ExportedOrganisation {
	id: string;
	slug: string;
	name: string;
	kind: string;
	description: string;
	address: string | null;
	postcode: string | null;
	city: string | null;
	areaId: string | null;
	area: string | null;
	lng: number | null;
	lat: number | null;
	website: string | null;
	email: string | null;
	phone: string | null;
	themes: string[];
	languages: string[];
	openToNewcomers: boolean;
	helpWanted: string[];
	meetingTimes: string | null;
	status: string;
	updatedAt: string;
}

export interface ExportedCollaboration {
	source: string;
	target: string;
	kind: string;
	status: string;
	description: string;
	startedOn: string | null;
	endedOn: string | null;
}

export interface ExportedAtlas {
	organisations: ExportedOrganisation[];
	collaborations: ExportedCollaboration[];
	/** Who belongs to which programme, with Popolo's Membership names and ISO dates (2023, 2023-03). */
	memberships: ExportedMembership[];
}

export interface ExportedMembership {
	member_id: string;
	organization_id: string;
	role: string;
	start_date: string | null;
	end_date: string | null;
}

/** A tie an import kept: one side is the organisation, the other only a name so far. */
export interface PendingTie {
	id: string;
	otherName: string;
	/** Whether the organisation is the tie's source (From) or its target (To). */
	organisationIsSource: boolean;
	kind: string;
	description: string;
}
