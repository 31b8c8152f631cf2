import {
	decodeAreaBoundaries,
	decodeAreaNetwork,
	decodeAreaFigures,
	decodeAtlas,
	decodeJoinSuggestions,
	decodeMapView,
	decodeOrganisationDetail,
	decodeProgrammeDetail,
	decodeProgrammeList,
	decodeReferenceData,
	decodeSearchHits
} from './decode';
import type { AuthPort } from './auth';
import { BackendError } from './errors';
import {
	decodeAccount,
	decodeAreaImportOutcome,
	decodeClaimed,
	decodeConfirmed,
	decodeMembers,
	decodePeople,
	decodeRoleHistory,
	decodeRoles,
	decodeStaleOrganisations,
	decodeEditableOrganisations,
	decodeHistory,
	decodeImportOutcome,
	decodeOrganisationForEdit,
	decodeExportedAtlas,
	decodePendingTies,
	decodeRecentImports,
	decodePendingSuggestions,
	decodeSaved,
	organisationRow,
	suggestionRow
} from './editing-decode';
import type {
	Account,
	AreaImportInput,
	AreaImportOutcome,
	EditableOrganisation,
	HistoryVersion,
	ExportedAtlas,
	ImportBatchInput,
	ImportOutcome,
	OrganisationFields,
	OrganisationForEdit,
	OrganisationStatus,
	PendingSuggestion,
	PendingTie,
	RecentImport,
	SavedOrganisation,
	StaleOrganisation,
	ConfirmedOrganisation,
	AtlasRole,
	OrganisationMembers,
	Person,
	RoleChange,
	SuggestionInput
} from './editing-types';
import type {
	AreaBoundaries,
	AreaFigures,
	AreaLevel,
	AreaNetwork,
	CollaborationKind,
	Atlas,
	AtlasQuery,
	JoinQuery,
	JoinSuggestion,
	MapViewAnswer,
	MapViewQuery,
	OrganisationDetail,
	PeriodDate,
	ProgrammeDetail,
	ProgrammeKind,
	ProgrammeSummary,
	ReferenceData,
	SearchHit
} from './types';

/** The one port through which the app reaches its data. */
export interface Backend {
	readonly info: BackendInfo;
	referenceData(): Promise<ReferenceData>;
	atlas(query?: AtlasQuery): Promise<Atlas>;
	/**
	 * What the map shows of one view: organisations it can tell apart, cells
	 * that count the rest, and with `withTies` the ties among them. An aborted
	 * `signal` drops the request (hosted: the HTTP request is cancelled).
	 */
	mapView(query: MapViewQuery, signal?: AbortSignal): Promise<MapViewAnswer>;
	/** The network between the areas of one level, for the organisations the filters select. */
	areaNetwork(level: AreaLevel, query?: Omit<AtlasQuery, 'bbox' | 'limits'>): Promise<AreaNetwork>;
	/** Null when the organisation does not exist or is not visible to the caller. */
	organisation(slug: string): Promise<OrganisationDetail | null>;
	/** Every programme the caller sees, parents before their sub-groups. */
	programmes(): Promise<ProgrammeSummary[]>;
	/** Null when it is no programme the caller sees. */
	programme(slug: string): Promise<ProgrammeDetail | null>;
	search(text: string, limit?: number): Promise<SearchHit[]>;
	areaBoundaries(): Promise<AreaBoundaries>;
	/** Every area's latest key figures (CBS), where an import brought them in. */
	areaFigures(): Promise<AreaFigures[]>;
	/** Places to join near `query.at`, best first (see join_suggestions in the migrations). */
	joinSuggestions(query: JoinQuery): Promise<JoinSuggestion[]>;

	readonly auth: AuthPort;
	/** The signed-in user's name, roles and organisations; null for a visitor. */
	account(): Promise<Account | null>;
	editableOrganisations(): Promise<EditableOrganisation[]>;
	/** Null when it does not exist or the caller may not edit it. */
	organisationForEdit(slug: string): Promise<OrganisationForEdit | null>;
	/** Creates (without `id`) or edits; an edit names the version it was made on. */
	saveOrganisation(
		fields: OrganisationFields,
		edit?: { id: string; version: number }
	): Promise<SavedOrganisation>;
	setOrganisationStatus(
		id: string,
		status: OrganisationStatus,
		version: number
	): Promise<SavedOrganisation>;
	/**
	 * Confirms that the organisation is still correct, and the running ties it
	 * is a side of; `version` is the one its editor is looking at.
	 */
	confirmOrganisation(slug: string, version: number): Promise<ConfirmedOrganisation>;
	/** What in the caller's areas has gone 10 months or more unconfirmed, oldest first. */
	staleOrganisations(limit?: number): Promise<StaleOrganisation[]>;
	/** Who edits it, for its editors; whether this user may change that. */
	organisationMembers(organisationId: string): Promise<OrganisationMembers>;
	/** Everyone with an account, for coordinators and admins to choose from. */
	knownPeople(): Promise<Person[]>;
	addMember(organisationId: string, userId: string, role: 'member' | 'admin'): Promise<void>;
	removeMember(organisationId: string, userId: string): Promise<void>;
	/** Asks someone by address; they become a member when they sign in with it. */
	inviteMember(organisationId: string, email: string, role: 'member' | 'admin'): Promise<void>;
	withdrawInvitation(id: string): Promise<void>;
	/** Makes the signed-in person a member wherever they were invited; names those organisations. */
	claimInvitations(): Promise<string[]>;
	/** For admins: the roles handed out, and what changed them. */
	atlasRoles(): Promise<AtlasRole[]>;
	grantCoordinator(userId: string, areaId: string): Promise<void>;
	withdrawRole(roleId: number): Promise<void>;
	roleHistory(limit?: number): Promise<RoleChange[]>;
	/** Makes an organisation a programme, or changes its kind, parent and coordinator (slugs). */
	saveProgramme(
		slug: string,
		kind: ProgrammeKind,
		parent: string | null,
		coordinator: string | null
	): Promise<void>;
	/** Adds a member to a programme, or changes its role and dates. */
	saveProgrammeMembership(
		programme: string,
		member: string,
		role: string,
		started: PeriodDate | null,
		ended: PeriodDate | null
	): Promise<void>;
	removeProgrammeMembership(id: string): Promise<void>;
	proposeCollaboration(
		from: string,
		to: string,
		kind: CollaborationKind,
		description: string
	): Promise<void>;
	confirmCollaboration(id: string): Promise<void>;
	/** When a running or ended collaboration began (and ended): null for unknown. */
	setCollaborationDates(
		id: string,
		started: PeriodDate | null,
		ended: PeriodDate | null
	): Promise<void>;
	endCollaboration(id: string): Promise<void>;
	suggestInitiative(suggestion: SuggestionInput): Promise<void>;
	pendingSuggestions(): Promise<PendingSuggestion[]>;
	/** Creates the organisation, published; answers its slug. */
	acceptSuggestion(id: string, areaId?: string | null): Promise<string>;
	rejectSuggestion(id: string, reason: string): Promise<void>;
	organisationHistory(slug: string): Promise<HistoryVersion[]>;
	/**
	 * Puts back the organisation as it was after `version`. `expectedVersion` is
	 * the organisation's version when its history was read: a restore over a
	 * later save is refused as stale.
	 */
	restoreOrganisationVersion(slug: string, version: number, expectedVersion: number): Promise<void>;
	/**
	 * Writes an import as one batch (or, with `dry_run`, answers what it would
	 * do and writes nothing). Refused rows are in the outcome, not thrown.
	 */
	importOrganisations(batch: ImportBatchInput): Promise<ImportOutcome>;
	/**
	 * Writes CBS outlines and key figures as one batch (or, with `dry_run`,
	 * answers what it would do). Refused rows are in the outcome, not thrown.
	 */
	importAreas(batch: AreaImportInput): Promise<AreaImportOutcome>;
	/** Puts back what a batch changed: by the one who ran it or a coordinator. */
	undoImport(batchId: string): Promise<void>;
	recentImports(): Promise<RecentImport[]>;
	/** Ties an import kept because their other side is not in the atlas yet. */
	pendingTies(organisationId: string): Promise<PendingTie[]>;
	dismissPendingTie(id: string): Promise<void>;
	/**
	 * Exports of these organisations (null: all the caller sees), as the SQL
	 * read functions give them; see the exports migration. Each answers the
	 * function's JSON as is, for the standards' own shapes.
	 */
	exportOrganisations(ids: readonly string[] | null): Promise<ExportedAtlas>;
	exportHsds(ids: readonly string[] | null): Promise<unknown[]>;
	exportMurmurations(atlasUrl: string, ids: readonly string[] | null): Promise<unknown[]>;
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
 * `set` functions return rows; `scalar` ones return one jsonb value. `writes`
 * marks the functions that change data (the embedded adapter makes them
 * durable before it answers).
 */
export const rpcFunctions = {
	reference_data: { returns: 'scalar', args: [] },
	atlas: {
		returns: 'scalar',
		args: [
			'west',
			'south',
			'east',
			'north',
			'theme_ids',
			'kind_ids',
			'area_ids',
			'language_ids',
			'open_only',
			'query',
			'max_organisations',
			'max_collaborations',
			'as_of',
			'programme_ids'
		]
	},
	area_network: {
		returns: 'scalar',
		args: [
			'level',
			'theme_ids',
			'kind_ids',
			'area_ids',
			'language_ids',
			'open_only',
			'query',
			'as_of',
			'programme_ids'
		]
	},
	map_view: {
		returns: 'scalar',
		args: [
			'west',
			'south',
			'east',
			'north',
			'zoom',
			'theme_ids',
			'kind_ids',
			'area_ids',
			'language_ids',
			'open_only',
			'query',
			'with_ties',
			'as_of',
			'programme_ids'
		]
	},
	area_boundaries: { returns: 'scalar', args: [] },
	latest_area_figures: { returns: 'scalar', args: [] },
	organisation_detail: { returns: 'scalar', args: ['organisation_slug'] },
	programme_list: { returns: 'scalar', args: [] },
	programme_detail: { returns: 'scalar', args: ['programme_slug'] },
	save_programme: {
		returns: 'scalar',
		writes: true,
		args: ['organisation_slug', 'programme_kind', 'parent_slug', 'coordinator_slug']
	},
	save_programme_membership: {
		returns: 'scalar',
		writes: true,
		args: [
			'programme_slug',
			'member_slug',
			'member_role',
			'started_on',
			'started_precision',
			'ended_on',
			'ended_precision'
		]
	},
	remove_programme_membership: { returns: 'scalar', writes: true, args: ['membership_id'] },
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
	},
	my_account: { returns: 'scalar', args: [] },
	editable_organisations: { returns: 'scalar', args: [] },
	organisation_for_edit: { returns: 'scalar', args: ['organisation_slug'] },
	save_organisation: {
		returns: 'scalar',
		writes: true,
		args: ['organisation', 'expected_version']
	},
	set_organisation_status: {
		returns: 'scalar',
		writes: true,
		args: ['organisation_id', 'status', 'expected_version']
	},
	set_collaboration_dates: {
		returns: 'scalar',
		writes: true,
		args: ['collaboration_id', 'started_on', 'started_precision', 'ended_on', 'ended_precision']
	},
	confirm_organisation: {
		returns: 'scalar',
		writes: true,
		args: ['organisation_slug', 'expected_version']
	},
	stale_organisations: { returns: 'scalar', args: ['max_results'] },
	organisation_members: { returns: 'scalar', args: ['organisation_id'] },
	known_people: { returns: 'scalar', args: [] },
	add_member: {
		returns: 'scalar',
		writes: true,
		args: ['organisation_id', 'user_id', 'member_role']
	},
	remove_member: { returns: 'scalar', writes: true, args: ['organisation_id', 'user_id'] },
	invite_member: {
		returns: 'scalar',
		writes: true,
		args: ['organisation_id', 'email', 'member_role']
	},
	withdraw_invitation: { returns: 'scalar', writes: true, args: ['invitation_id'] },
	claim_invitations: { returns: 'scalar', writes: true, args: [] },
	atlas_role_list: { returns: 'scalar', args: [] },
	grant_coordinator: { returns: 'scalar', writes: true, args: ['user_id', 'area_id'] },
	withdraw_role: { returns: 'scalar', writes: true, args: ['role_id'] },
	atlas_role_history: { returns: 'scalar', args: ['max_results'] },
	propose_collaboration: {
		returns: 'scalar',
		writes: true,
		args: ['from_organisation', 'to_organisation', 'collaboration_kind', 'description']
	},
	confirm_collaboration: { returns: 'scalar', writes: true, args: ['collaboration_id'] },
	end_collaboration: { returns: 'scalar', writes: true, args: ['collaboration_id'] },
	suggest_initiative: { returns: 'scalar', writes: true, args: ['suggestion'] },
	pending_suggestions: { returns: 'scalar', args: [] },
	accept_suggestion: { returns: 'scalar', writes: true, args: ['suggestion_id', 'area_id'] },
	reject_suggestion: { returns: 'scalar', writes: true, args: ['suggestion_id', 'reason'] },
	organisation_history: { returns: 'scalar', args: ['organisation_slug'] },
	restore_organisation_version: {
		returns: 'scalar',
		writes: true,
		args: ['organisation_slug', 'version', 'expected_version']
	},
	import_organisations: { returns: 'scalar', writes: true, args: ['batch'] },
	import_areas: { returns: 'scalar', writes: true, args: ['batch'] },
	undo_import: { returns: 'scalar', writes: true, args: ['batch_id'] },
	recent_imports: { returns: 'scalar', args: [] },
	pending_ties: { returns: 'scalar', args: ['organisation_id'] },
	dismiss_pending_tie: { returns: 'scalar', writes: true, args: ['pending_tie_id'] },
	export_organisations: { returns: 'scalar', args: ['organisation_ids'] },
	export_hsds: { returns: 'scalar', args: ['organisation_ids'] },
	export_murmurations: { returns: 'scalar', args: ['atlas_url', 'organisation_ids'] }
} as const satisfies Record<
	string,
	{ returns: 'scalar' | 'set'; args: readonly string[]; writes?: true }
>;

export type RpcName = keyof typeof rpcFunctions;
export type RpcArgs<N extends RpcName> = Partial<
	Record<(typeof rpcFunctions)[N]['args'][number], unknown>
>;

/**
 * How an adapter calls one SQL function: the jsonb value, or the rows of a set.
 * An aborted signal rejects with an AbortError; the hosted adapter also cancels
 * the request, the embedded one drops the answer of a query already running.
 */
export type RpcTransport = <N extends RpcName>(
	name: N,
	args: RpcArgs<N>,
	options?: { signal?: AbortSignal }
) => Promise<unknown>;

/** A backend over any transport: the methods, their arguments and the decoding are shared. */
/** map_view()'s arguments for a question of the map (also used by the build's first paint). */
export function mapViewArgs(query: MapViewQuery): RpcArgs<'map_view'> {
	const [west, south, east, north] = query.bbox;
	return {
		west,
		south,
		east,
		north,
		zoom: query.zoom,
		...filterArgs(query),
		with_ties: query.withTies ?? false
	};
}

/** The filters as atlas(), map_view() and area_network() take them: one meaning, in SQL. */
function filterArgs(query: Omit<AtlasQuery, 'bbox' | 'limits'>) {
	return {
		theme_ids: nonEmpty(query.themes),
		kind_ids: nonEmpty(query.kinds),
		area_ids: nonEmpty(query.areas),
		language_ids: nonEmpty(query.languages),
		open_only: query.openToNewcomers || null,
		query: query.query?.trim() || null,
		as_of: query.asOf ?? null,
		programme_ids: nonEmpty(query.programmes)
	};
}

export function createRpcBackend(info: BackendInfo, call: RpcTransport, auth: AuthPort): Backend {
	return {
		info,
		auth,
		async account() {
			return decodeAccount(await call('my_account', {}));
		},
		async editableOrganisations() {
			return decodeEditableOrganisations(await call('editable_organisations', {}));
		},
		async organisationForEdit(slug) {
			return decodeOrganisationForEdit(
				await call('organisation_for_edit', { organisation_slug: slug })
			);
		},
		async saveOrganisation(fields, edit) {
			return decodeSaved(
				await call('save_organisation', {
					organisation: organisationRow(fields, edit?.id),
					expected_version: edit?.version ?? null
				})
			);
		},
		async setOrganisationStatus(id, status, version) {
			return decodeSaved(
				await call('set_organisation_status', {
					organisation_id: id,
					status,
					expected_version: version
				})
			);
		},
		async confirmOrganisation(slug, version) {
			return decodeConfirmed(
				await call('confirm_organisation', {
					organisation_slug: slug,
					expected_version: version
				})
			);
		},
		async organisationMembers(organisationId) {
			return decodeMembers(await call('organisation_members', { organisation_id: organisationId }));
		},
		async knownPeople() {
			return decodePeople(await call('known_people', {}));
		},
		async addMember(organisationId, userId, role) {
			await call('add_member', {
				organisation_id: organisationId,
				user_id: userId,
				member_role: role
			});
		},
		async removeMember(organisationId, userId) {
			await call('remove_member', { organisation_id: organisationId, user_id: userId });
		},
		async inviteMember(organisationId, email, role) {
			await call('invite_member', {
				organisation_id: organisationId,
				email: email.trim(),
				member_role: role
			});
		},
		async withdrawInvitation(id) {
			await call('withdraw_invitation', { invitation_id: id });
		},
		async claimInvitations() {
			return decodeClaimed(await call('claim_invitations', {}));
		},
		async atlasRoles() {
			return decodeRoles(await call('atlas_role_list', {}));
		},
		async grantCoordinator(userId, areaId) {
			await call('grant_coordinator', { user_id: userId, area_id: areaId });
		},
		async withdrawRole(roleId) {
			await call('withdraw_role', { role_id: roleId });
		},
		async roleHistory(limit = 50) {
			return decodeRoleHistory(await call('atlas_role_history', { max_results: limit }));
		},
		async saveProgramme(slug, kind, parent, coordinator) {
			await call('save_programme', {
				organisation_slug: slug,
				programme_kind: kind,
				parent_slug: parent,
				coordinator_slug: coordinator
			});
		},
		async saveProgrammeMembership(programme, member, role, started, ended) {
			await call('save_programme_membership', {
				programme_slug: programme,
				member_slug: member,
				member_role: role,
				started_on: started?.date ?? null,
				started_precision: started?.precision ?? null,
				ended_on: ended?.date ?? null,
				ended_precision: ended?.precision ?? null
			});
		},
		async removeProgrammeMembership(id) {
			await call('remove_programme_membership', { membership_id: id });
		},
		async staleOrganisations(limit = 100) {
			return decodeStaleOrganisations(await call('stale_organisations', { max_results: limit }));
		},
		async proposeCollaboration(from, to, kind, description) {
			await call('propose_collaboration', {
				from_organisation: from,
				to_organisation: to,
				collaboration_kind: kind,
				description
			});
		},
		async setCollaborationDates(id, started, ended) {
			await call('set_collaboration_dates', {
				collaboration_id: id,
				started_on: started?.date ?? null,
				started_precision: started?.precision ?? null,
				ended_on: ended?.date ?? null,
				ended_precision: ended?.precision ?? null
			});
		},
		async confirmCollaboration(id) {
			await call('confirm_collaboration', { collaboration_id: id });
		},
		async endCollaboration(id) {
			await call('end_collaboration', { collaboration_id: id });
		},
		async suggestInitiative(suggestion) {
			await call('suggest_initiative', { suggestion: suggestionRow(suggestion) });
		},
		async pendingSuggestions() {
			return decodePendingSuggestions(await call('pending_suggestions', {}));
		},
		async acceptSuggestion(id, areaId) {
			const created = (await call('accept_suggestion', {
				suggestion_id: id,
				area_id: areaId ?? null
			})) as { slug?: unknown } | null;
			if (typeof created?.slug !== 'string') {
				throw new BackendError('incompatible', 'accept_suggestion() returned no slug');
			}
			return created.slug;
		},
		async rejectSuggestion(id, reason) {
			await call('reject_suggestion', { suggestion_id: id, reason });
		},
		async organisationHistory(slug) {
			return decodeHistory(await call('organisation_history', { organisation_slug: slug }));
		},
		async restoreOrganisationVersion(slug, version, expectedVersion) {
			await call('restore_organisation_version', {
				organisation_slug: slug,
				version,
				expected_version: expectedVersion
			});
		},
		async importOrganisations(batch) {
			return decodeImportOutcome(await call('import_organisations', { batch }));
		},
		async importAreas(batch) {
			return decodeAreaImportOutcome(await call('import_areas', { batch }));
		},
		async undoImport(batchId) {
			await call('undo_import', { batch_id: batchId });
		},
		async recentImports() {
			return decodeRecentImports(await call('recent_imports', {}));
		},
		async pendingTies(organisationId) {
			return decodePendingTies(await call('pending_ties', { organisation_id: organisationId }));
		},
		async dismissPendingTie(id) {
			await call('dismiss_pending_tie', { pending_tie_id: id });
		},
		async exportOrganisations(ids) {
			return decodeExportedAtlas(
				await call('export_organisations', { organisation_ids: ids ? [...ids] : null })
			);
		},
		async exportHsds(ids) {
			return jsonArray(
				await call('export_hsds', { organisation_ids: ids ? [...ids] : null }),
				'export_hsds'
			);
		},
		async exportMurmurations(atlasUrl, ids) {
			return jsonArray(
				await call('export_murmurations', {
					atlas_url: atlasUrl,
					organisation_ids: ids ? [...ids] : null
				}),
				'export_murmurations'
			);
		},
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
				...filterArgs(query),
				max_organisations: query.limits?.organisations ?? null,
				max_collaborations: query.limits?.collaborations ?? null
			});
			return decodeAtlas(payload);
		},
		async areaNetwork(level, query = {}) {
			return decodeAreaNetwork(
				await call('area_network', {
					level,
					...filterArgs(query)
				})
			);
		},
		async mapView(query, signal) {
			return decodeMapView(await call('map_view', mapViewArgs(query), { signal }));
		},
		async organisation(slug) {
			return decodeOrganisationDetail(
				await call('organisation_detail', { organisation_slug: slug })
			);
		},
		async programmes() {
			return decodeProgrammeList(await call('programme_list', {}));
		},
		async programme(slug) {
			return decodeProgrammeDetail(await call('programme_detail', { programme_slug: slug }));
		},
		async areaBoundaries() {
			return decodeAreaBoundaries(await call('area_boundaries', {}));
		},
		async areaFigures() {
			return decodeAreaFigures(await call('latest_area_figures', {}));
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

function jsonArray(value: unknown, source: string): unknown[] {
	if (!Array.isArray(value))
		throw new BackendError('incompatible', `${source}() returned no array`);
	return value;
}

/** An empty filter means "any", which the SQL functions spell as null. */
function nonEmpty<T>(values: readonly T[] | undefined): T[] | null {
	return values && values.length > 0 ? [...values] : null;
}
