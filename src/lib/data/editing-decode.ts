/**
 * Decoding of what the editing functions return, and the rows they take. The
 * SQL speaks in column names; the app in its own; this is the one translation.
 */
import * as v from 'valibot';
import { parse } from './decode';
import {
	collaborationKinds,
	collaborationStatuses,
	freshnessLevels,
	locationPrecisions,
	precisions,
	organisationKinds,
	partsOfDay
} from './types';
import type {
	AreaImportOutcome,
	Account,
	AtlasRole,
	ConfirmedOrganisation,
	OrganisationMembers,
	Person,
	RoleChange,
	DemoAccount,
	EditableOrganisation,
	ExportedAtlas,
	HistoryVersion,
	ImportOutcome,
	OrganisationFields,
	RecentImport,
	OrganisationForEdit,
	PendingSuggestion,
	PendingTie,
	SavedOrganisation,
	StaleOrganisation,
	SuggestionInput
} from './editing-types';

const status = v.picklist(['draft', 'published', 'archived']);
const kind = v.picklist(organisationKinds);
const text = v.nullish(v.string(), null);
const number = v.nullish(v.number(), null);

const accountSchema = v.nullable(
	v.pipe(
		v.object({
			user_id: v.string(),
			display_name: v.nullish(v.string(), ''),
			is_admin: v.boolean(),
			coordinator_areas: v.array(v.object({ id: v.string(), name: v.string() })),
			organisations: v.array(
				v.object({ id: v.string(), slug: v.string(), name: v.string(), status, role: v.string() })
			)
		}),
		v.transform((a): Account => ({
			userId: a.user_id,
			displayName: a.display_name,
			isAdmin: a.is_admin,
			coordinatorAreas: a.coordinator_areas,
			organisations: a.organisations
		}))
	)
);

export const decodeAccount = (value: unknown): Account | null =>
	parse(accountSchema, value ?? null, 'my_account');

const demoAccountsSchema = v.array(
	v.pipe(
		v.object({
			user_id: v.string(),
			email: v.string(),
			display_name: v.string(),
			is_admin: v.boolean(),
			coordinator_areas: v.array(v.string()),
			organisations: v.array(v.string())
		}),
		v.transform((a): DemoAccount => ({
			userId: a.user_id,
			email: a.email,
			displayName: a.display_name,
			isAdmin: a.is_admin,
			coordinatorAreas: a.coordinator_areas,
			organisations: a.organisations
		}))
	)
);

export const decodeDemoAccounts = (value: unknown): DemoAccount[] =>
	parse(demoAccountsSchema, value ?? [], 'demo_accounts');

const fieldsEntries = {
	name: v.string(),
	kind,
	description: v.string(),
	text_language: v.nullish(v.string(), 'nl'),
	lng: number,
	lat: number,
	location_precision: v.picklist(locationPrecisions),
	address: text,
	postcode: text,
	city: text,
	area_id: text,
	website: text,
	email: text,
	phone: text,
	open_to_newcomers: v.boolean(),
	help_wanted: v.array(v.string()),
	languages: v.array(v.string()),
	meeting_times: text,
	meeting_place: text,
	join_next_step: text,
	started_on: text,
	started_precision: v.nullish(v.picklist(precisions), null),
	ended_on: text,
	ended_precision: v.nullish(v.picklist(precisions), null),
	themes: v.array(v.string()),
	meeting_slots: v.array(v.object({ weekday: v.number(), part_of_day: v.picklist(partsOfDay) }))
};

type FieldsRow = v.InferOutput<v.ObjectSchema<typeof fieldsEntries, undefined>>;

function fieldsFromRow(row: FieldsRow): OrganisationFields {
	return {
		name: row.name,
		kind: row.kind,
		description: row.description,
		textLanguage: row.text_language,
		lng: row.lng,
		lat: row.lat,
		locationPrecision: row.location_precision,
		address: row.address,
		postcode: row.postcode,
		city: row.city,
		areaId: row.area_id,
		website: row.website,
		email: row.email,
		phone: row.phone,
		openToNewcomers: row.open_to_newcomers,
		helpWanted: row.help_wanted,
		languages: row.languages,
		meetingTimes: row.meeting_times,
		meetingPlace: row.meeting_place,
		joinNextStep: row.join_next_step,
		startedOn: row.started_on,
		startedPrecision: row.started_precision,
		endedOn: row.ended_on,
		endedPrecision: row.ended_precision,
		themes: row.themes,
		meetingSlots: row.meeting_slots.map((s) => ({ weekday: s.weekday, partOfDay: s.part_of_day }))
	};
}

/** The row save_organisation() takes: the columns by their names, themes and meeting times. */
export function organisationRow(fields: OrganisationFields, id?: string): Record<string, unknown> {
	return {
		...(id ? { id } : {}),
		name: fields.name,
		kind: fields.kind,
		description: fields.description,
		text_language: fields.textLanguage,
		lng: fields.lng,
		lat: fields.lat,
		location_precision: fields.locationPrecision,
		address: fields.address,
		postcode: fields.postcode,
		city: fields.city,
		area_id: fields.areaId,
		website: fields.website,
		email: fields.email,
		phone: fields.phone,
		open_to_newcomers: fields.openToNewcomers,
		help_wanted: fields.helpWanted,
		languages: fields.languages,
		meeting_times: fields.meetingTimes,
		meeting_place: fields.meetingPlace,
		join_next_step: fields.joinNextStep,
		started_on: fields.startedOn,
		started_precision: fields.startedPrecision,
		ended_on: fields.endedOn,
		ended_precision: fields.endedPrecision,
		themes: fields.themes,
		meeting_slots: fields.meetingSlots.map((s) => ({
			weekday: s.weekday,
			part_of_day: s.partOfDay
		}))
	};
}

const forEditSchema = v.nullable(
	v.pipe(
		v.object({
			...fieldsEntries,
			id: v.string(),
			slug: v.string(),
			version: v.number(),
			status,
			updated_at: v.string(),
			confirmed_at: v.string(),
			freshness: v.picklist(freshnessLevels),
			can_publish: v.boolean(),
			collaborations: v.array(
				v.object({
					id: v.string(),
					kind: v.picklist(collaborationKinds),
					status: v.picklist(collaborationStatuses),
					description: v.string(),
					started_on: text,
					ended_on: text,
					started_precision: v.nullish(v.picklist(precisions), null),
					ended_precision: v.nullish(v.picklist(precisions), null),
					direction: v.picklist(['outgoing', 'incoming']),
					proposed_by_us: v.nullish(v.boolean(), false),
					can_confirm: v.boolean(),
					partner: v.object({ id: v.string(), slug: v.string(), name: v.string(), kind })
				})
			)
		}),
		v.transform((row): OrganisationForEdit => ({
			...fieldsFromRow(row),
			id: row.id,
			slug: row.slug,
			version: row.version,
			status: row.status,
			updatedAt: row.updated_at,
			confirmedAt: row.confirmed_at,
			freshness: row.freshness,
			canPublish: row.can_publish,
			collaborations: row.collaborations.map((c) => ({
				id: c.id,
				kind: c.kind,
				status: c.status,
				description: c.description,
				startedOn: c.started_on,
				endedOn: c.ended_on,
				startedPrecision: c.started_precision,
				endedPrecision: c.ended_precision,
				direction: c.direction,
				proposedByUs: c.proposed_by_us,
				canConfirm: c.can_confirm,
				partner: c.partner
			}))
		}))
	)
);

export const decodeOrganisationForEdit = (value: unknown): OrganisationForEdit | null =>
	parse(forEditSchema, value ?? null, 'organisation_for_edit');

const editableSchema = v.array(
	v.pipe(
		v.object({
			id: v.string(),
			slug: v.string(),
			name: v.string(),
			kind,
			status,
			area: text,
			updated_at: v.string(),
			freshness: v.picklist(freshnessLevels),
			member: v.boolean(),
			proposals_waiting: v.number()
		}),
		v.transform((o): EditableOrganisation => ({
			id: o.id,
			slug: o.slug,
			name: o.name,
			kind: o.kind,
			status: o.status,
			area: o.area,
			updatedAt: o.updated_at,
			freshness: o.freshness,
			member: o.member,
			proposalsWaiting: o.proposals_waiting
		}))
	)
);

export const decodeEditableOrganisations = (value: unknown): EditableOrganisation[] =>
	parse(editableSchema, value ?? [], 'editable_organisations');

const staleSchema = v.array(
	v.pipe(
		v.object({
			id: v.string(),
			slug: v.string(),
			name: v.string(),
			kind,
			email: text,
			website: text,
			illustrative: v.boolean(),
			confirmed_at: v.string(),
			freshness: v.picklist(freshnessLevels),
			area: text,
			stale_ties: v.number()
		}),
		v.transform((o): StaleOrganisation => ({
			id: o.id,
			slug: o.slug,
			name: o.name,
			kind: o.kind,
			email: o.email,
			website: o.website,
			illustrative: o.illustrative,
			confirmedAt: o.confirmed_at,
			freshness: o.freshness,
			area: o.area,
			staleTies: o.stale_ties
		}))
	)
);

export const decodeStaleOrganisations = (value: unknown): StaleOrganisation[] =>
	parse(staleSchema, value ?? [], 'stale_organisations');

const membersSchema = v.pipe(
	v.object({
		members: v.array(
			v.object({
				user_id: v.string(),
				name: v.string(),
				role: v.picklist(['member', 'admin']),
				since: v.string()
			})
		),
		can_manage: v.boolean(),
		can_invite: v.boolean(),
		invitations: v.array(
			v.object({
				id: v.string(),
				email: v.string(),
				role: v.picklist(['member', 'admin']),
				since: v.string()
			})
		)
	}),
	v.transform((o): OrganisationMembers => ({
		members: o.members.map((m) => ({
			userId: m.user_id,
			name: m.name,
			role: m.role,
			since: m.since
		})),
		canManage: o.can_manage,
		canInvite: o.can_invite,
		invitations: o.invitations
	}))
);

export const decodeMembers = (value: unknown): OrganisationMembers =>
	parse(membersSchema, value, 'organisation_members');

/** The names of the organisations an invitation made the caller a member of. */
export const decodeClaimed = (value: unknown): string[] =>
	parse(v.array(v.string()), value ?? [], 'claim_invitations');

const peopleSchema = v.array(
	v.pipe(
		v.object({ user_id: v.string(), name: v.string() }),
		v.transform((p): Person => ({ userId: p.user_id, name: p.name }))
	)
);

export const decodePeople = (value: unknown): Person[] =>
	parse(peopleSchema, value ?? [], 'known_people');

const rolesSchema = v.array(
	v.pipe(
		v.object({
			id: v.number(),
			user_id: v.string(),
			name: v.string(),
			role: v.picklist(['coordinator', 'admin']),
			area_id: text,
			area: text,
			since: v.string()
		}),
		v.transform((r): AtlasRole => ({
			id: r.id,
			userId: r.user_id,
			name: r.name,
			role: r.role,
			areaId: r.area_id,
			area: r.area,
			since: r.since
		}))
	)
);

export const decodeRoles = (value: unknown): AtlasRole[] =>
	parse(rolesSchema, value ?? [], 'atlas_role_list');

const roleHistorySchema = v.array(
	v.object({
		at: v.string(),
		action: v.picklist(['insert', 'update', 'delete']),
		actor: text,
		person: text,
		role: text,
		area: text
	})
);

export const decodeRoleHistory = (value: unknown): RoleChange[] =>
	parse(roleHistorySchema, value ?? [], 'atlas_role_history');

const confirmedSchema = v.pipe(
	v.object({ version: v.number(), confirmed_at: v.string() }),
	v.transform((o): ConfirmedOrganisation => ({ version: o.version, confirmedAt: o.confirmed_at }))
);

export const decodeConfirmed = (value: unknown): ConfirmedOrganisation =>
	parse(confirmedSchema, value, 'confirm_organisation');

const savedSchema = v.object({ id: v.string(), slug: v.string(), version: v.number(), status });

export const decodeSaved = (value: unknown): SavedOrganisation =>
	parse(savedSchema, value, 'save_organisation');

/** The row suggest_initiative() takes. */
export function suggestionRow(input: SuggestionInput): Record<string, unknown> {
	return {
		name: input.name,
		kind: input.kind,
		description: input.description,
		theme_ids: input.themes,
		lng: input.lng,
		lat: input.lat,
		address: input.address,
		area_id: input.areaId,
		website: input.website,
		email: input.email,
		submitter_note: input.submitterNote,
		honeypot: input.honeypot
	};
}

const pendingSchema = v.array(
	v.pipe(
		v.object({
			id: v.string(),
			name: v.string(),
			kind,
			description: v.string(),
			themes: v.array(v.string()),
			lng: v.number(),
			lat: v.number(),
			address: text,
			area_id: text,
			website: text,
			email: text,
			submitter_note: text,
			created_at: v.string()
		}),
		v.transform((s): PendingSuggestion => ({
			id: s.id,
			name: s.name,
			kind: s.kind,
			description: s.description,
			themes: s.themes,
			lng: s.lng,
			lat: s.lat,
			address: s.address,
			areaId: s.area_id,
			website: s.website,
			email: s.email,
			submitterNote: s.submitter_note,
			createdAt: s.created_at
		}))
	)
);

export const decodePendingSuggestions = (value: unknown): PendingSuggestion[] =>
	parse(pendingSchema, value ?? [], 'pending_suggestions');

const row = v.nullable(v.record(v.string(), v.unknown()));
const historySchema = v.array(
	v.pipe(
		v.object({
			version: v.number(),
			at: v.string(),
			actor: text,
			changes_organisation: v.boolean(),
			import: v.nullish(v.object({ id: v.string(), label: v.string(), undone: v.boolean() }), null),
			changes: v.array(
				v.object({
					table: v.picklist([
						'organisations',
						'organisation_themes',
						'meeting_times',
						'collaborations',
						'memberships',
						'contact_people',
						'programmes',
						'programme_memberships'
					]),
					action: v.picklist(['insert', 'update', 'delete']),
					record: v.string(),
					before: row,
					after: row
				})
			)
		}),
		v.transform((h): HistoryVersion => ({
			version: h.version,
			at: h.at,
			actor: h.actor,
			changesOrganisation: h.changes_organisation,
			changes: h.changes,
			importBatch: h.import
		}))
	)
);

export const decodeHistory = (value: unknown): HistoryVersion[] =>
	parse(historySchema, value ?? [], 'organisation_history');

const count = v.nullish(v.number(), 0);

const importOutcomeSchema = v.pipe(
	v.object({
		batch_id: v.nullable(v.string()),
		written: v.boolean(),
		created: count,
		updated: count,
		unchanged: count,
		ties_created: count,
		ties_existing: count,
		ties_pending: count,
		refused_rows: v.array(
			v.object({
				sheet: v.picklist(['organisations', 'ties']),
				row: v.number(),
				reason: v.string(),
				constraint: v.nullable(v.string())
			})
		),
		ids: v.record(v.string(), v.string())
	}),
	v.transform((o): ImportOutcome => ({
		batchId: o.batch_id,
		written: o.written,
		created: o.created,
		updated: o.updated,
		unchanged: o.unchanged,
		tiesCreated: o.ties_created,
		tiesExisting: o.ties_existing,
		tiesPending: o.ties_pending,
		refused: o.refused_rows,
		ids: o.ids
	}))
);

export const decodeImportOutcome = (value: unknown): ImportOutcome =>
	parse(importOutcomeSchema, value, 'import_organisations');

const areaImportOutcomeSchema = v.pipe(
	v.object({
		batch_id: v.nullable(v.string()),
		written: v.boolean(),
		areas_created: count,
		areas_updated: count,
		areas_unchanged: count,
		figures_created: count,
		figures_updated: count,
		figures_unchanged: count,
		organisations_moved: count,
		refused_rows: v.array(
			v.object({
				sheet: v.picklist(['areas', 'figures']),
				row: v.nullable(v.number()),
				code: v.nullable(v.string()),
				reason: v.string(),
				detail: v.nullable(v.string())
			})
		)
	}),
	v.transform((o): AreaImportOutcome => ({
		batchId: o.batch_id,
		written: o.written,
		areasCreated: o.areas_created,
		areasUpdated: o.areas_updated,
		areasUnchanged: o.areas_unchanged,
		figuresCreated: o.figures_created,
		figuresUpdated: o.figures_updated,
		figuresUnchanged: o.figures_unchanged,
		organisationsMoved: o.organisations_moved,
		refused: o.refused_rows
	}))
);

export const decodeAreaImportOutcome = (value: unknown): AreaImportOutcome =>
	parse(areaImportOutcomeSchema, value, 'import_areas');

const recentImportsSchema = v.array(
	v.pipe(
		v.object({
			id: v.string(),
			label: v.string(),
			created_at: v.string(),
			summary: v.object({
				kind: v.nullish(v.picklist(['organisations', 'areas']), 'organisations'),
				created: count,
				updated: count,
				ties_created: count,
				ties_pending: count,
				areas_created: count,
				areas_updated: count,
				figures_created: count,
				figures_updated: count
			}),
			undone_at: v.nullable(v.string()),
			mine: v.boolean()
		}),
		v.transform((b): RecentImport => ({
			id: b.id,
			label: b.label,
			createdAt: b.created_at,
			kind: b.summary.kind,
			summary: {
				created: b.summary.created,
				updated: b.summary.updated,
				ties: b.summary.ties_created,
				pending: b.summary.ties_pending,
				areas: b.summary.areas_created + b.summary.areas_updated,
				figures: b.summary.figures_created + b.summary.figures_updated
			},
			undoneAt: b.undone_at,
			mine: b.mine
		}))
	)
);

export const decodeRecentImports = (value: unknown): RecentImport[] =>
	parse(recentImportsSchema, value ?? [], 'recent_imports');

const exportedAtlasSchema = v.pipe(
	v.object({
		organisations: v.array(
			v.object({
				id: v.string(),
				slug: v.string(),
				name: v.string(),
				kind: v.string(),
				description: v.nullish(v.string(), ''),
				address: text,
				postcode: text,
				city: text,
				area_id: text,
				area: text,
				lng: number,
				lat: number,
				website: text,
				email: text,
				phone: text,
				themes: v.array(v.string()),
				languages: v.array(v.string()),
				open_to_newcomers: v.boolean(),
				help_wanted: v.array(v.string()),
				meeting_times: text,
				status: v.string(),
				updated_at: v.string()
			})
		),
		collaborations: v.array(
			v.object({
				source: v.string(),
				target: v.string(),
				kind: v.string(),
				status: v.string(),
				description: v.nullish(v.string(), ''),
				started_on: text,
				ended_on: text
			})
		),
		memberships: v.optional(
			v.array(
				v.object({
					member_id: v.string(),
					organization_id: v.string(),
					role: v.string(),
					start_date: text,
					end_date: text
				})
			),
			[]
		)
	}),
	v.transform((a): ExportedAtlas => ({
		organisations: a.organisations.map((o) => ({
			id: o.id,
			slug: o.slug,
			name: o.name,
			kind: o.kind,
			description: o.description,
			address: o.address,
			postcode: o.postcode,
			city: o.city,
			areaId: o.area_id,
			area: o.area,
			lng: o.lng,
			lat: o.lat,
			website: o.website,
			email: o.email,
			phone: o.phone,
			themes: o.themes,
			languages: o.languages,
			openToNewcomers: o.open_to_newcomers,
			helpWanted: o.help_wanted,
			meetingTimes: o.meeting_times,
			status: o.status,
			updatedAt: o.updated_at
		})),
		collaborations: a.collaborations.map((c) => ({
			source: c.source,
			target: c.target,
			kind: c.kind,
			status: c.status,
			description: c.description,
			startedOn: c.started_on,
			endedOn: c.ended_on
		})),
		memberships: a.memberships.map((m) => ({
			member_id: m.member_id,
			organization_id: m.organization_id,
			role: m.role,
			start_date: m.start_date,
			end_date: m.end_date
		}))
	}))
);

export const decodeExportedAtlas = (value: unknown): ExportedAtlas =>
	parse(exportedAtlasSchema, value, 'export_organisations');

const pendingTiesSchema = v.array(
	v.pipe(
		v.object({
			id: v.string(),
			other_name: v.string(),
			organisation_is_source: v.boolean(),
			kind: v.string(),
			description: v.nullish(v.string(), '')
		}),
		v.transform((t): PendingTie => ({
			id: t.id,
			otherName: t.other_name,
			organisationIsSource: t.organisation_is_source,
			kind: t.kind,
			description: t.description
		}))
	)
);

export const decodePendingTies = (value: unknown): PendingTie[] =>
	parse(pendingTiesSchema, value ?? [], 'pending_ties');
