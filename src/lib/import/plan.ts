/**
 * From mapped tables to what the import will do, row by row: the fields each
 * row gives (read as the database stores them), its problems in the user's
 * language, whether it is an organisation the atlas already holds, where it
 * is, and for each tie which organisations its ends are. Pure, so the preview
 * can be recomputed whenever the user changes a mapping or a decision.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Polygon, MultiPolygon } from 'geojson';
import { m } from '$lib/paraglide/messages';
import type {
	Area,
	AreaBoundaries,
	AtlasOrganisation,
	ImportBatchInput,
	OrganisationKind
} from '$lib/data';
import { organisationKinds, collaborationKinds, type CollaborationKind } from '$lib/data/types';
import { knownLanguages, validateSomeFields, webAddress } from '$lib/editing/organisation-rules';
import { labelsInEveryLocale } from '$lib/i18n/labels';
import type { OrganisationField, TieField } from './columns';
import { createMatcher, nameKey, type Matchable } from './matching';
import type { Table } from '$lib/files/tables';
import { comparable } from '$lib/files/text';

/** The fields an import sets, as the database names them. */
export interface ImportedFields {
	name?: string;
	kind?: OrganisationKind;
	description?: string;
	address?: string | null;
	postcode?: string | null;
	city?: string | null;
	lng?: number;
	lat?: number;
	area_id?: string | null;
	website?: string | null;
	email?: string | null;
	phone?: string | null;
	themes?: string[];
	languages?: string[];
	open_to_newcomers?: boolean;
	help_wanted?: string[];
	meeting_times?: string | null;
}

export type PlaceSource = 'file' | 'geocoded' | 'map' | 'none';
export type Decision = 'update' | 'new' | 'skip';

export interface PlannedOrganisation {
	/** The row's number in its sheet, the header being row 1. */
	row: number;
	name: string;
	fields: ImportedFields;
	/** Where the row is, and how that was found. */
	point: { lng: number; lat: number } | null;
	place: PlaceSource;
	/** What to ask the geocoder, when the row has an address or postcode and no point. */
	placeQuery: string | null;
	/** Problems that keep the row out, in the user's language. */
	problems: string[];
	/** Values the atlas does not know, left out of the row (it goes in without them). */
	notes: string[];
	match: Matchable | null;
	decision: Decision;
}

export interface PlannedTie {
	row: number;
	fromName: string;
	toName: string;
	/** A row's ref (its name key) in this import, or an atlas organisation's id; null if unknown. */
	from: string | null;
	to: string | null;
	kind: CollaborationKind;
	description: string;
	problems: string[];
	notes: string[];
}

export interface ImportPlan {
	organisations: PlannedOrganisation[];
	ties: PlannedTie[];
}

export type Mapping<F extends string> = (F | null)[];

export interface PlanInput {
	organisations: { table: Table; mapping: Mapping<OrganisationField> } | null;
	ties: { table: Table; mapping: Mapping<TieField> } | null;
	existing: readonly AtlasOrganisation[];
	boundaries: AreaBoundaries | null;
	/** The areas of the atlas, to read an area column by id (CBS code) or name. */
	areas: readonly Pick<Area, 'id' | 'name'>[];
	/** The area for a new row whose area neither the file nor a boundary gives. */
	defaultAreaId: string | null;
	/** Points found or picked before, by row number, kept across recomputations. */
	places?: ReadonlyMap<number, { point: { lng: number; lat: number }; source: PlaceSource }>;
	/** The user's choice per matched row, by row number. */
	decisions?: ReadonlyMap<number, Decision>;
}

/** Lookup of a vocabulary by id or by any label, compared loosely. */
function vocabulary<T extends string>(
	of: Parameters<typeof labelsInEveryLocale>[0],
	ids: readonly T[]
): (value: string) => T | null {
	const lookup = new Map<string, T>();
	const labels = labelsInEveryLocale(of);
	for (const id of ids) {
		lookup.set(comparable(id), id);
		for (const label of labels.get(id) ?? []) lookup.set(comparable(label), id);
	}
	return (value) => lookup.get(comparable(value)) ?? null;
}

const listSeparator = /\s*[;|,\n]\s*/;
const yes = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x', 'open']);
const no = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0', '', 'gesloten']);

/** A number as a Dutch or English spreadsheet writes it: "4,8017" or "4.8017". */
function coordinate(text: string): number | null {
	const value = Number(text.replace(',', '.'));
	return text.trim() === '' || !Number.isFinite(value) ? null : value;
}

export function buildPlan(input: PlanInput): ImportPlan {
	const kindOf = vocabulary('kind', organisationKinds);
	const themeOf = vocabulary('theme', themeIds(input));
	const languageOf = vocabulary('language', knownLanguages);
	const collaborationOf = vocabulary('collaboration', collaborationKinds);
	const matcher = createMatcher(input.existing);
	const areaAt = areaFinder(input.boundaries);
	const areaNamed = new Map<string, string>();
	for (const area of input.areas) {
		areaNamed.set(comparable(area.name), area.id);
		areaNamed.set(comparable(area.id), area.id);
	}

	const organisations: PlannedOrganisation[] = [];
	if (input.organisations) {
		const { table, mapping } = input.organisations;
		const seen = new Map<string, number>();
		table.rows.forEach((cells, index) => {
			const row = index + 2;
			const cell = (field: OrganisationField) => {
				const column = mapping.indexOf(field);
				return column < 0 ? null : (cells[column] ?? '');
			};
			const mapped = (field: OrganisationField) => mapping.includes(field);
			const problems: string[] = [];
			const notes: string[] = [];
			const fields: ImportedFields = {};
			const name = (cell('name') ?? '').trim();
			fields.name = name;
			if (mapped('kind')) {
				const text = cell('kind')!.trim();
				const kind = text === '' ? null : kindOf(text);
				if (text !== '' && !kind) notes.push(m.import_note_kind({ value: text }));
				fields.kind = kind ?? 'other';
			} else fields.kind = 'other';
			if (mapped('description')) fields.description = cell('description')!.trim();
			for (const field of ['address', 'city', 'email', 'phone'] as const) {
				if (mapped(field)) fields[field] = cell(field)!.trim() || null;
			}
			if (mapped('meetingTimes')) fields.meeting_times = cell('meetingTimes')!.trim() || null;
			if (mapped('postcode')) {
				const postcode = cell('postcode')!.trim().toUpperCase();
				fields.postcode = postcode.replace(/^(\d{4})\s*([A-Z]{2})$/, '$1 $2') || null;
			}
			if (mapped('website')) fields.website = webAddress(cell('website'));
			if (mapped('themes')) {
				fields.themes = [];
				for (const value of cell('themes')!.split(listSeparator).filter(Boolean)) {
					const theme = themeOf(value);
					if (theme) {
						if (!fields.themes.includes(theme)) fields.themes.push(theme);
					} else notes.push(m.import_note_theme({ value }));
				}
				if (fields.themes.length > 10) problems.push(m.import_problem_too_many_themes());
			}
			if (mapped('languages')) {
				fields.languages = [];
				for (const value of cell('languages')!.split(listSeparator).filter(Boolean)) {
					const language = languageOf(value);
					if (language) {
						if (!fields.languages.includes(language)) fields.languages.push(language);
					} else notes.push(m.import_note_language({ value }));
				}
				if (fields.languages.length === 0) delete fields.languages;
			}
			if (mapped('openToNewcomers')) {
				const text = comparable(cell('openToNewcomers')!);
				if (yes.has(text)) fields.open_to_newcomers = true;
				else if (no.has(text)) fields.open_to_newcomers = false;
				else notes.push(m.import_note_yes_no({ value: cell('openToNewcomers')! }));
			}
			let areaFromFile: string | null = null;
			if (mapped('area')) {
				const text = cell('area')!.trim();
				areaFromFile = text ? (areaNamed.get(comparable(text)) ?? null) : null;
				if (text && !areaFromFile) notes.push(m.import_note_area({ value: text }));
			}
			if (mapped('helpWanted'))
				fields.help_wanted = cell('helpWanted')!
					.split(/\s*[;|\n]\s*/)
					.filter(Boolean);

			for (const message of Object.values(
				validateSomeFields({
					name,
					...(fields.description !== undefined ? { description: fields.description } : {}),
					...(fields.address !== undefined ? { address: fields.address } : {}),
					...(fields.city !== undefined ? { city: fields.city } : {}),
					...(fields.postcode !== undefined ? { postcode: fields.postcode } : {}),
					...(fields.website !== undefined ? { website: fields.website } : {}),
					...(fields.email !== undefined ? { email: fields.email } : {}),
					...(fields.phone !== undefined ? { phone: fields.phone } : {}),
					...(fields.meeting_times !== undefined ? { meetingTimes: fields.meeting_times } : {}),
					...(fields.help_wanted !== undefined ? { helpWanted: fields.help_wanted } : {})
				})
			))
				problems.push(message);

			// Where it is: the file's coordinates, else what was found or picked before.
			let point: { lng: number; lat: number } | null = null;
			let place: PlaceSource = 'none';
			const lng = mapped('lng') ? coordinate(cell('lng')!) : null;
			const lat = mapped('lat') ? coordinate(cell('lat')!) : null;
			if (lng !== null && lat !== null) {
				// Latitude and longitude the wrong way round, as happens: the Netherlands lies near 52°N 5°E.
				const [x, y] = lat < 20 && lng > 40 ? [lat, lng] : [lng, lat];
				if (x >= -180 && x <= 180 && y >= -90 && y <= 90) {
					point = { lng: x, lat: y };
					place = 'file';
				} else problems.push(m.import_problem_coordinates());
			}
			const known = input.places?.get(row);
			if (!point && known) {
				point = known.point;
				place = known.source;
			}
			// A town alone is no place: the organisation would land on its town hall.
			const placeQuery =
				point || !(fields.address || fields.postcode)
					? null
					: [fields.address, fields.postcode, fields.city].filter(Boolean).join(' ');

			const duplicate = name ? seen.get(nameKey(name)) : undefined;
			if (duplicate !== undefined) problems.push(m.import_problem_duplicate({ row: duplicate }));
			else if (name) seen.set(nameKey(name), row);

			const match = name ? matcher(name, point) : null;
			const decision = match ? (input.decisions?.get(row) ?? 'update') : 'new';
			if (point && decision !== 'update') {
				fields.lng = point.lng;
				fields.lat = point.lat;
				fields.area_id = areaFromFile ?? areaAt(point) ?? input.defaultAreaId;
			} else if (decision === 'update' && areaFromFile) {
				fields.area_id = areaFromFile;
			}
			if (point && match && decision === 'update') {
				// An update moves the organisation only when the file says where it is.
				if (place === 'file' || place === 'map') {
					fields.lng = point.lng;
					fields.lat = point.lat;
				}
			}
			organisations.push({
				row,
				name,
				fields,
				point,
				place,
				placeQuery,
				problems,
				notes,
				match,
				decision
			});
		});
	}

	const ties: PlannedTie[] = [];
	if (input.ties) {
		const { table, mapping } = input.ties;
		const inFile = new Map<string, PlannedOrganisation>();
		for (const organisation of organisations)
			if (organisation.name && !inFile.has(nameKey(organisation.name)))
				inFile.set(nameKey(organisation.name), organisation);
		// A row that goes in is its ref (or, for an update, the organisation's id);
		// one that stays out is the organisation it matched, if any; else the atlas by name.
		const end = (name: string): string | null => {
			const planned = inFile.get(nameKey(name));
			if (planned && rowGoesIn(planned))
				return planned.decision === 'update' && planned.match
					? planned.match.id
					: nameKey(planned.name);
			if (planned) return planned.match?.id ?? null;
			return matcher(name, null)?.id ?? null;
		};
		table.rows.forEach((cells, index) => {
			const cell = (field: TieField) => {
				const column = mapping.indexOf(field);
				return column < 0 ? '' : (cells[column] ?? '').trim();
			};
			const problems: string[] = [];
			const notes: string[] = [];
			const fromName = cell('from');
			const toName = cell('to');
			const kindText = cell('kind');
			const kind = kindText === '' ? 'partnership' : (collaborationOf(kindText) ?? 'partnership');
			if (kindText !== '' && !collaborationOf(kindText))
				notes.push(m.import_note_collaboration({ value: kindText }));
			const description = cell('description');
			if (!fromName || !toName) problems.push(m.import_problem_tie_ends());
			else if (nameKey(fromName) === nameKey(toName)) problems.push(m.import_problem_tie_itself());
			const from = fromName ? end(fromName) : null;
			const to = toName ? end(toName) : null;
			if (!problems.length && !from && !to) problems.push(m.import_problem_tie_unknown());
			if (description.length > 1000) problems.push(m.rule_max_length({ max: 1000 }));
			ties.push({ row: index + 2, fromName, toName, from, to, kind, description, problems, notes });
		});
	}
	return { organisations, ties };
}

function themeIds(input: PlanInput): string[] {
	return [...labelsInEveryLocale('theme').keys()].concat(
		input.existing.flatMap((organisation) => organisation.themes)
	);
}

/** The most specific area (buurt before wijk before stadsdeel before gemeente) that holds a point. */
function areaFinder(boundaries: AreaBoundaries | null) {
	const order = { buurt: 0, wijk: 1, stadsdeel: 2, gemeente: 3 } as const;
	const features = [...(boundaries?.features ?? [])].sort(
		(a, b) => order[a.properties.level] - order[b.properties.level]
	);
	return (point: { lng: number; lat: number }): string | null => {
		for (const feature of features) {
			const geometry = feature.geometry as Polygon | MultiPolygon;
			if (booleanPointInPolygon([point.lng, point.lat], geometry)) return feature.properties.id;
		}
		return null;
	};
}

export interface PlanCounts {
	new: number;
	update: number;
	skip: number;
	refused: number;
	unplaced: number;
	ties: number;
	tiesPending: number;
	tiesRefused: number;
}

/** A row goes in when it has no problem, is not skipped, and (if new) has a place. */
export function rowGoesIn(row: PlannedOrganisation): boolean {
	return (
		row.problems.length === 0 &&
		row.decision !== 'skip' &&
		(row.decision === 'update' || row.point !== null)
	);
}

export function countPlan(plan: ImportPlan): PlanCounts {
	const counts: PlanCounts = {
		new: 0,
		update: 0,
		skip: 0,
		refused: 0,
		unplaced: 0,
		ties: 0,
		tiesPending: 0,
		tiesRefused: 0
	};
	for (const row of plan.organisations) {
		if (row.problems.length > 0) counts.refused++;
		else if (row.decision === 'skip') counts.skip++;
		else if (row.decision === 'new' && !row.point) counts.unplaced++;
		else counts[row.decision]++;
	}
	for (const tie of plan.ties) {
		if (tie.problems.length > 0) counts.tiesRefused++;
		else if (tie.from && tie.to) counts.ties++;
		else counts.tiesPending++;
	}
	return counts;
}

export interface BatchOptions {
	label: string;
	publish: boolean;
	allOrNothing: boolean;
	dryRun: boolean;
}

/** What import_organisations() is sent (see the import migration). */
export function toBatch(plan: ImportPlan, options: BatchOptions): ImportBatchInput {
	const going = plan.organisations.filter(rowGoesIn);
	const refs = new Set(going.map((row) => nameKey(row.name)));
	const ids = new Set(going.flatMap((row) => (row.match ? [row.match.id] : [])));
	const known = (end: string | null) =>
		end !== null && (refs.has(end) || ids.has(end) || isUuid(end));
	return {
		label: options.label.slice(0, 200),
		status: options.publish ? 'published' : 'draft',
		all_or_nothing: options.allOrNothing,
		dry_run: options.dryRun,
		organisations: going.map((row) => ({
			row: row.row,
			ref: nameKey(row.name),
			...(row.decision === 'update' && row.match ? { id: row.match.id } : {}),
			fields: { ...(row.decision === 'update' ? changedOnly(row.fields) : row.fields) }
		})),
		ties: plan.ties
			.filter((tie) => tie.problems.length === 0)
			.map((tie) => {
				const from = known(tie.from) ? tie.from : null;
				const to = known(tie.to) ? tie.to : null;
				return {
					row: tie.row,
					from,
					to,
					other_name: from ? (to ? null : tie.toName) : tie.fromName,
					kind: tie.kind,
					description: tie.description
				};
			})
	};
}

/** An update leaves alone what the file leaves empty. */
function changedOnly(fields: ImportedFields): ImportedFields {
	const kept: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
		if (key === 'kind' && value === 'other') continue;
		kept[key] = value;
	}
	return kept as ImportedFields;
}

function isUuid(value: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
