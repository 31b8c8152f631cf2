/**
 * One import of areas and their figures, from choosing files to a written
 * batch: files are read in the file worker, planned against the areas the
 * atlas holds, checked by the database (a dry run, so the preview shows the
 * database's own refusals), and written on request.
 */
import { atlasStore } from '$lib/atlas/atlas-store.svelte';
import { mapCommands } from '$lib/map/map-commands.svelte';
import { connection } from '$lib/app/connection.svelte';
import { describeError } from '$lib/app/describe-error';
import { ImportFileError, readAreaFiles } from '$lib/files/read-files';
import type { AreaBoundaries, AreaImportInput, AreaImportOutcome } from '$lib/data';
import { areaBatch, planAreas, type AreaPlan } from './area-plan';
import { importAreas } from './area-actions';
import type { AreaFile } from '$lib/files/cbs';

export type AreaImportPhase = 'idle' | 'reading' | 'failed' | 'ready';
export type CheckState =
	| { state: 'idle' }
	| { state: 'checking' }
	| { state: 'checked'; outcome: AreaImportOutcome }
	| { state: 'failed'; message: string };

export class AreaImportSession {
	phase = $state<AreaImportPhase>('idle');
	problem = $state<string | null>(null);
	files = $state.raw<AreaFile[]>([]);
	/** The year of each figures file, where the user gave one. */
	years = $state<Record<string, number | null>>({});
	check = $state.raw<CheckState>({ state: 'idle' });
	written = $state.raw<AreaImportOutcome | null>(null);
	writing = $state(false);
	writeProblem = $state<string | null>(null);
	#checkRequest = 0;
	readonly #read: (files: readonly File[]) => Promise<AreaFile[]>;
	readonly #send: (batch: AreaImportInput) => Promise<AreaImportOutcome>;

	/**
	 * @param ways how files are read (the file worker) and a batch is sent (the
	 * database, through area-actions): the app's, unless a test gives its own
	 */
	constructor(
		ways: {
			read?: (files: readonly File[]) => Promise<AreaFile[]>;
			send?: (batch: AreaImportInput) => Promise<AreaImportOutcome>;
		} = {}
	) {
		this.#read = ways.read ?? readAreaFiles;
		this.#send = ways.send ?? importAreas;
	}

	readonly plan: AreaPlan = $derived(
		planAreas(this.files, atlasStore.reference?.areas ?? [], this.years)
	);

	/** Whether there is anything to send at all. */
	readonly hasRows = $derived(this.plan.areas.length + this.plan.figures.length > 0);

	async read(chosen: readonly File[]): Promise<void> {
		this.reset();
		if (chosen.length === 0) return;
		this.phase = 'reading';
		try {
			this.files = await this.#read(chosen);
			this.phase = 'ready';
			const preview = outlines(this.plan);
			atlasStore.setAreaPreview(preview);
			// The outlines come into view, so the coordinator sees what she is about to write.
			if (preview)
				mapCommands.showAreas(
					preview,
					preview.features.map((f) => f.id)
				);
			void this.runCheck();
		} catch (error) {
			this.phase = 'failed';
			this.problem =
				error instanceof ImportFileError ? error.message : describeError(error, connection.kind);
		}
	}

	setYear(file: string, year: number | null): void {
		this.years = { ...this.years, [file]: year };
		void this.runCheck();
	}

	/** Asks the database what the import would do; a later request wins. */
	async runCheck(): Promise<void> {
		const request = ++this.#checkRequest;
		if (!this.hasRows || this.plan.missingYear.length > 0) {
			this.check = { state: 'idle' };
			return;
		}
		this.check = { state: 'checking' };
		try {
			const outcome = await this.#send(areaBatch(this.plan, this.files, true));
			if (request === this.#checkRequest) this.check = { state: 'checked', outcome };
		} catch (error) {
			if (request === this.#checkRequest)
				this.check = { state: 'failed', message: describeError(error, connection.kind) };
		}
	}

	async write(): Promise<boolean> {
		if (this.writing) return false;
		this.writing = true;
		this.writeProblem = null;
		try {
			this.written = await this.#send(areaBatch(this.plan, this.files, false));
			atlasStore.setAreaPreview(null);
			return true;
		} catch (error) {
			this.writeProblem = describeError(error, connection.kind);
			return false;
		} finally {
			this.writing = false;
		}
	}

	reset(): void {
		this.#checkRequest += 1;
		atlasStore.setAreaPreview(null);
		this.phase = 'idle';
		this.problem = null;
		this.files = [];
		this.years = {};
		this.check = { state: 'idle' };
		this.written = null;
		this.writeProblem = null;
	}
}

/** The plan's outlines as the map draws the atlas's own (buurten and wijken; gemeenten are too coarse). */
function outlines(plan: AreaPlan): AreaBoundaries | null {
	const features = plan.areas
		.filter((area) => area.level !== 'gemeente')
		.map((area) => ({
			type: 'Feature' as const,
			id: area.code,
			properties: { id: area.code, name: area.name, level: area.level },
			geometry: area.boundary
		}));
	return features.length > 0 ? { type: 'FeatureCollection', features } : null;
}
