/**
 * One import, from the files chosen to the batch written: the tables read,
 * the column mappings, the places found or picked, the user's decision per
 * matched row, and what the database answered. The plan is derived from all
 * of it, so every change shows at once in the preview, on the map and in the
 * network (through the atlas store's preview).
 */
import { m } from '$lib/paraglide/messages';
import { atlasStore, previewPrefix } from '$lib/atlas/atlas-store.svelte';
import { mapCommands } from '$lib/map/map-commands.svelte';
import { accountStore } from '$lib/app/account.svelte';
import type { Atlas, AtlasOrganisation, ImportOutcome } from '$lib/data';
import { appGeocoder } from '$lib/places/pdok-geocoder';
import { classifyTables, proposeMapping, type OrganisationField, type TieField } from './columns';
import { locateRows, type LocateResult } from './locate-rows';
import { nameKey } from './matching';
import {
	buildPlan,
	countPlan,
	rowGoesIn,
	toBatch,
	type Decision,
	type ImportPlan,
	type Mapping,
	type PlaceSource
} from './plan';
import { emptyMap, withEntry, withoutEntry } from './maps';
import { ImportFileError, readFiles } from '$lib/files/read-files';
import type { Table } from '$lib/files/tables';

/** The middle of Nieuw-West: PDOK ranks answers near it first. */
const near = { lng: 4.8, lat: 52.365 };

export type SessionPhase = 'choosing' | 'reading' | 'mapping' | 'failed';

export class ImportSession {
	phase = $state<SessionPhase>('choosing');
	problem = $state<string | null>(null);
	label = $state('');

	organisationsTable = $state.raw<Table | null>(null);
	tiesTable = $state.raw<Table | null>(null);
	organisationMapping = $state.raw<Mapping<OrganisationField>>([]);
	tieMapping = $state.raw<Mapping<TieField>>([]);

	places =
		$state.raw<ReadonlyMap<number, { point: { lng: number; lat: number }; source: PlaceSource }>>(
			emptyMap()
		);
	/** What the geocoder said per row, for the per-row result. */
	located = $state.raw<ReadonlyMap<number, LocateResult>>(emptyMap());
	locating = $state<{ done: number; total: number } | null>(null);
	decisions = $state.raw<ReadonlyMap<number, Decision>>(emptyMap());
	/** The area for new rows whose area the file and the boundaries do not give. */
	defaultAreaId = $state<string | null>(null);
	/** The row whose place is being picked on the map. */
	pickingRow = $state<number | null>(null);

	/** The database's answer to a preview, or to the import itself. */
	checked = $state.raw<ImportOutcome | null>(null);
	written = $state.raw<ImportOutcome | null>(null);

	#locateAbort: AbortController | null = null;
	readonly #readFiles: (files: readonly File[]) => Promise<Table[]>;

	/** @param read how files become tables: in the file worker, unless a test says otherwise */
	constructor(read: (files: readonly File[]) => Promise<Table[]> = readFiles) {
		this.#readFiles = read;
	}

	readonly plan: ImportPlan = $derived.by(() =>
		buildPlan({
			organisations: this.organisationsTable
				? { table: this.organisationsTable, mapping: this.organisationMapping }
				: null,
			ties: this.tiesTable ? { table: this.tiesTable, mapping: this.tieMapping } : null,
			existing: atlasStore.organisations.filter((o) => !o.id.startsWith(previewPrefix)),
			boundaries: atlasStore.areaBoundaries,
			areas: atlasStore.reference?.areas ?? [],
			defaultAreaId: this.defaultAreaId,
			places: this.places,
			decisions: this.decisions
		})
	);

	readonly counts = $derived(countPlan(this.plan));

	readonly mappingProblem = $derived.by((): string | null => {
		if (!this.organisationsTable && !this.tiesTable) return null;
		if (this.organisationsTable && !this.organisationMapping.includes('name'))
			return m.import_needs_name();
		if (this.tiesTable && !(this.tieMapping.includes('from') && this.tieMapping.includes('to')))
			return m.import_needs_ends();
		return null;
	});

	/** Rows with an address or postcode, no point, not yet looked up (or to look up again). */
	readonly toLocate = $derived(
		this.plan.organisations.filter(
			(row) =>
				!row.point &&
				row.placeQuery &&
				row.decision !== 'skip' &&
				this.located.get(row.row)?.outcome !== 'not_found'
		)
	);

	readonly unplaced = $derived(
		this.plan.organisations.filter(
			(row) => !row.point && row.decision === 'new' && row.problems.length === 0
		)
	);

	/** The areas new rows may go to: those the user coordinates, or every area for an admin. */
	get areaOptions(): { id: string; name: string }[] {
		const account = accountStore.account;
		if (account?.isAdmin)
			return (atlasStore.reference?.areas ?? []).map(({ id, name }) => ({ id, name }));
		return account?.coordinatorAreas ?? [];
	}

	async read(files: readonly File[]): Promise<void> {
		this.reset();
		this.defaultAreaId = this.areaOptions[0]?.id ?? null;
		if (files.length === 0) return;
		this.phase = 'reading';
		this.label = files.map((file) => file.name).join(' + ');
		try {
			const tables = await this.#readFiles(files);
			const { organisations, ties } = classifyTables(tables);
			if (!organisations && !ties) throw new ImportFileError(m.import_no_organisations());
			this.organisationsTable = organisations ?? null;
			this.tiesTable = ties ?? null;
			this.organisationMapping = organisations
				? proposeMapping<OrganisationField>(organisations.headers, 'organisations')
				: [];
			this.tieMapping = ties ? proposeMapping<TieField>(ties.headers, 'ties') : [];
			this.phase = 'mapping';
			this.#showPreview();
		} catch (error) {
			this.phase = 'failed';
			if (!(error instanceof ImportFileError)) console.error(error);
			this.problem = error instanceof ImportFileError ? error.message : m.error_unknown();
		}
	}

	setOrganisationField(column: number, field: OrganisationField | null): void {
		this.organisationMapping = withField(this.organisationMapping, column, field);
		this.#changed();
	}

	setTieField(column: number, field: TieField | null): void {
		this.tieMapping = withField(this.tieMapping, column, field);
		this.#changed();
	}

	setDefaultArea(areaId: string | null): void {
		this.defaultAreaId = areaId;
		this.#changed();
	}

	decide(row: number, decision: Decision): void {
		this.decisions = withEntry(this.decisions, row, decision);
		this.#changed();
	}

	/** Looks up the rows that need a place, a few at a time, each result shown as it comes. */
	async locate(rows = this.toLocate): Promise<void> {
		this.#locateAbort?.abort();
		const abort = new AbortController();
		this.#locateAbort = abort;
		const queries = rows.map((row) => ({ row: row.row, query: row.placeQuery! }));
		this.locating = { done: 0, total: queries.length };
		const geocoder = appGeocoder(near);
		await locateRows(geocoder, queries, {
			signal: abort.signal,
			onResult: (result, done, total) => {
				this.locating = { done, total };
				this.located = withEntry(this.located, result.row, result);
				if (result.outcome === 'found') {
					const { lng, lat } = result.place;
					this.places = withEntry(this.places, result.row, {
						point: { lng, lat },
						source: 'geocoded'
					});
				}
			}
		});
		if (this.#locateAbort === abort) {
			this.locating = null;
			this.#changed();
		}
	}

	/** A corrected address for one row, looked up again. */
	async relocate(row: number, query: string): Promise<void> {
		this.located = withoutEntry(this.located, row);
		const geocoder = appGeocoder(near);
		const [result] = await locateRows(geocoder, [{ row, query }]);
		if (!result) return;
		this.located = withEntry(this.located, row, result);
		if (result.outcome === 'found')
			this.places = withEntry(this.places, row, {
				point: { lng: result.place.lng, lat: result.place.lat },
				source: 'geocoded'
			});
		this.#changed();
	}

	/** The next click on the map places this row. */
	pickOnMap(row: number): void {
		this.pickingRow = row;
		mapCommands.requestPoint((point) => {
			this.places = withEntry(this.places, row, { point, source: 'map' });
			this.pickingRow = null;
			this.#changed();
		});
	}

	/** The batch as the database is sent it, for a preview (dry run) or for real. */
	batch(options: { publish: boolean; allOrNothing: boolean; dryRun: boolean }) {
		return toBatch(this.plan, { label: this.label || 'import', ...options });
	}

	setChecked(outcome: ImportOutcome | null): void {
		this.checked = outcome;
	}

	setWritten(outcome: ImportOutcome): void {
		this.written = outcome;
		if (outcome.written) atlasStore.setPreview(null);
	}

	reset(): void {
		this.#locateAbort?.abort();
		this.phase = 'choosing';
		this.problem = null;
		this.organisationsTable = null;
		this.tiesTable = null;
		this.organisationMapping = [];
		this.tieMapping = [];
		this.places = emptyMap();
		this.located = emptyMap();
		this.locating = null;
		this.decisions = emptyMap();
		this.checked = null;
		this.written = null;
		atlasStore.setPreview(null);
	}

	#changed(): void {
		this.checked = null;
		this.#showPreview();
	}

	/** The new organisations and ties, drawn with the atlas while the user looks. */
	#showPreview(): void {
		atlasStore.setPreview(previewOf(this.plan));
	}
}

function withField<F extends string>(mapping: Mapping<F>, column: number, field: F | null) {
	// A field belongs to one column: choosing it here takes it from another.
	return mapping.map((current, index) =>
		index === column ? field : field !== null && current === field ? null : current
	);
}

/** The plan's new organisations and new ties as atlas entries, with preview ids. */
export function previewOf(plan: ImportPlan): Atlas {
	const organisations: AtlasOrganisation[] = [];
	const idOfRef = new Map<string, string>(); // eslint-disable-line svelte/prefer-svelte-reactivity -- local, never reactive
	for (const row of plan.organisations) {
		if (!rowGoesIn(row)) continue;
		if (row.decision === 'update' && row.match) {
			idOfRef.set(nameKey(row.name), row.match.id);
			continue;
		}
		const id = `${previewPrefix}${row.row}`;
		idOfRef.set(nameKey(row.name), id);
		organisations.push({
			id,
			slug: id,
			name: row.name,
			kind: row.fields.kind ?? 'other',
			lng: row.point!.lng,
			lat: row.point!.lat,
			areaId: row.fields.area_id ?? null,
			themes: row.fields.themes ?? [],
			openToNewcomers: row.fields.open_to_newcomers ?? false,
			illustrative: false,
			languages: row.fields.languages ?? ['nl']
		});
	}
	const end = (value: string | null) => (value ? (idOfRef.get(value) ?? value) : null);
	const collaborations = plan.ties.flatMap((tie, index) => {
		const source = end(tie.from);
		const target = end(tie.to);
		if (tie.problems.length || !source || !target) return [];
		if (!source.startsWith(previewPrefix) && !target.startsWith(previewPrefix) && source === target)
			return [];
		return [
			{
				id: `${previewPrefix}tie-${index}`,
				source,
				target,
				kind: tie.kind,
				status: 'proposed' as const
			}
		];
	});
	return { organisations, collaborations };
}
