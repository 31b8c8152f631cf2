/**
 * What an area import will send: the outlines of every boundary file, and the
 * figures of the areas that are in the atlas or come in with those outlines.
 * A Kerncijfers file covers a whole municipality (or the country); figures of
 * areas the atlas does not hold are counted, not sent, so a coordinator of one
 * district is not shown hundreds of refusals for the rest of the city.
 */
import type { Area } from '$lib/data';
import type { AreaFile, AreaRow, FigureRow, Skipped } from '$lib/files/cbs';

export interface AreaPlan {
	areas: AreaRow[];
	figures: (FigureRow & { year: number })[];
	/** Figures of areas that are neither in the atlas nor in the outlines: left out. */
	outsideAtlas: number;
	/** Features and rows that could not be read, per file. */
	skipped: { file: string; skipped: Skipped[] }[];
	/** Figure files that still need a year. */
	missingYear: string[];
}

export interface AreaBatch {
	label: string;
	dry_run: boolean;
	source: string | null;
	figures_source: string | null;
	areas: AreaRow[];
	figures: (FigureRow & { year: number })[];
}

/** The year figures are for, per file, when the file's name does not say. */
export type Years = Readonly<Record<string, number | null>>;

export function planAreas(
	files: readonly AreaFile[],
	existing: readonly Area[],
	years: Years
): AreaPlan {
	const byCode = new Map<string, AreaRow>();
	for (const file of files) {
		if (file.kind === 'boundaries') for (const area of file.areas) byCode.set(area.code, area);
	}
	const known = new Set([...existing.map((a) => a.id), ...byCode.keys()]);
	const figures: AreaPlan['figures'] = [];
	let outsideAtlas = 0;
	const missingYear: string[] = [];
	for (const file of files) {
		if (file.kind !== 'figures') continue;
		const year = years[file.name] ?? file.year;
		if (!year) {
			missingYear.push(file.name);
			continue;
		}
		for (const row of file.figures) {
			if (known.has(row.code)) figures.push({ ...row, year });
			else outsideAtlas += 1;
		}
	}
	return {
		areas: [...byCode.values()],
		figures,
		outsideAtlas,
		skipped: files
			.filter((f) => f.skipped.length > 0)
			.map((f) => ({ file: f.name, skipped: f.skipped })),
		missingYear
	};
}

export function areaBatch(plan: AreaPlan, files: readonly AreaFile[], dryRun: boolean): AreaBatch {
	const names = (kind: AreaFile['kind']) => files.filter((f) => f.kind === kind).map((f) => f.name);
	const boundaryFiles = names('boundaries');
	const figureFiles = files.filter((f) => f.kind === 'figures');
	const years = [...new Set(plan.figures.map((f) => f.year))].sort();
	return {
		label:
			files
				.map((f) => f.name)
				.join(', ')
				.slice(0, 200) || 'gebieden',
		dry_run: dryRun,
		source:
			boundaryFiles.length > 0
				? `CBS Wijk- en buurtkaart (${boundaryFiles.join(', ')})`.slice(0, 200)
				: null,
		figures_source:
			figureFiles.length > 0
				? `CBS Kerncijfers wijken en buurten ${years.join(', ')}`.trim().slice(0, 200)
				: null,
		areas: plan.areas,
		figures: plan.figures
	};
}
