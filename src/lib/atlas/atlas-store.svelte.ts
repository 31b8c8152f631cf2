/**
 * The atlas as the app holds it: the organisations and collaborations, the
 * filters and what derives from them, and the part of the map in view. One
 * instance for the page; map and list both read it and neither talks to the
 * other. The backend it reads from belongs to `connection`.
 */
import {
	firstPaint,
	type AreaBoundaries,
	type AreaFigures,
	type Atlas,
	type AtlasCounts,
	type Backend,
	type BoundingBox,
	type ProgrammeSummary,
	type ReferenceData
} from '$lib/data';
import {
	connection as appConnection,
	type Connection,
	type LoadState
} from '$lib/app/connection.svelte';
import { untrack } from 'svelte';
import { isInside } from '$lib/places/bounds';
import {
	readsOwnAnswer,
	areaScope,
	noFilters,
	toAtlasQuery,
	type AtlasFilters
} from './atlas-filters';
import {
	cacheKey,
	readCachedAtlas,
	readCachedView,
	writeCachedAtlas,
	writeCachedView,
	type CachedView
} from './atlas-cache';
import { nearby, type Near, type NearbyOrganisation } from '$lib/places/near';
import { withPreview } from '$lib/places/area-bounds';

/**
 * The most the browser lays out and analyses as a network of organisations,
 * off the main thread, in a second or two. A scope beyond it gets the network
 * between areas instead, and is asked to narrow. To try that on the seed,
 * set localStorage 'buurtatlas:network-limits' to {"organisations":20,"collaborations":80}.
 */
export const networkLimits = { organisations: 5000, collaborations: 20_000 } as const;

function configuredLimits(): { organisations: number; collaborations: number } {
	try {
		const stored = JSON.parse(
			globalThis.localStorage?.getItem('buurtatlas:network-limits') ?? 'null'
		) as {
			organisations?: unknown;
			collaborations?: unknown;
		} | null;
		const organisations = Number(stored?.organisations);
		const collaborations = Number(stored?.collaborations);
		if (Number.isInteger(organisations) && Number.isInteger(collaborations))
			return { organisations, collaborations };
	} catch {
		// Blocked or unreadable storage: the limits as they are.
	}
	return networkLimits;
}

/** Ids of organisations that an import would add: not in the database yet. */
export const previewPrefix = 'preview:';

/**
 * How long the embedded database waits for the map to draw what was known
 * before it, at most: both compete for the same network and cores.
 */
const headStartWaitMs = 2500;

export class AtlasStore {
	#atlas = $state.raw<Atlas | null>(null);
	#reference = $state.raw<ReferenceData | null>(null);
	#viewBounds = $state.raw<BoundingBox | null>(null);
	#filters = $state.raw<AtlasFilters>(noFilters);
	#near = $state.raw<Near | null>(null);
	#areaBoundaries = $state.raw<AreaBoundaries | null>(null);
	/** CBS key figures per area; null until they arrive, empty when there are none. */
	#areaFigures = $state.raw<AreaFigures[] | null>(null);
	#areaPreview = $state.raw<AreaBoundaries | null>(null);
	/** Every programme one may filter on; null until they arrive. */
	#programmeList = $state.raw<ProgrammeSummary[] | null>(null);
	/** The database's answer for the current filters; null without filters. */
	#selection = $state.raw<Atlas | null>(null);
	#selecting = $state(false);
	#selectionError = $state.raw<unknown>(null);
	#selectionRequest = 0;
	#selected: Promise<void> = Promise.resolve();
	/** What an import would add, drawn with the atlas until it is written or dropped. */
	#preview = $state.raw<Atlas | null>(null);
	/** True while the atlas shown is an earlier answer and the live one is on its way. */
	#updating = $state(false);
	#started = false;
	/** Grows when the data may have changed (an edit, an import, another user signed in). */
	#revision = $state(0);
	/** The last failure to read the atlas from a backend that answers. */
	#fetchError = $state.raw<unknown>(null);
	/** Map views known before the backend answers (first paint, or this browser's last view). */
	#earlierViews = $state.raw<CachedView[]>([]);
	/** Ends the earlier answers' head start: the backend may start now. */
	#endHeadStart = () => {};
	readonly #headStartOver = new Promise<void>((resolve) => (this.#endHeadStart = resolve));
	/** Where the backend comes from, and where earlier answers are kept: per backend. */
	readonly #connection: Connection;
	readonly #cacheKey: string;

	/** @param from the backend's owner: the app's, unless a test gives its own */
	constructor(from: Connection = appConnection) {
		this.#connection = from;
		this.#cacheKey = cacheKey(from.info);
	}

	/** How far loading got: ready once there is an atlas to show, live or earlier. */
	readonly load = $derived.by((): LoadState => {
		const state = this.#connection.state;
		if (state.phase === 'failed') return state;
		if (this.#fetchError) return { phase: 'failed', error: this.#fetchError };
		if (this.#atlas) return { phase: 'ready' };
		return state.phase === 'ready' ? { phase: 'fetching' } : state;
	});

	/** Answers for the map's view known before the backend answers; see MapViewReader.showEarlier. */
	get earlierViews(): readonly CachedView[] {
		return this.#earlierViews;
	}
	/** The atlas as shown: the database's answer, with an import's preview if there is one. */
	get atlas(): Atlas | null {
		return this.#shown;
	}
	readonly #shown = $derived.by((): Atlas | null => {
		const atlas = this.#atlas;
		const preview = this.#preview;
		if (!atlas || !preview) return atlas;
		return {
			organisations: [...atlas.organisations, ...preview.organisations],
			collaborations: [...atlas.collaborations, ...preview.collaborations]
		};
	});

	get preview(): Atlas | null {
		return this.#preview;
	}

	/**
	 * Shows what an import would add (its new organisations and ties, ids that
	 * start with `previewPrefix`) with the atlas, or stops showing it (null).
	 */
	setPreview(preview: Atlas | null): void {
		this.#preview = preview;
	}

	/**
	 * The preview's new organisations, ringed on the map. Its ties are drawn in
	 * the network (dashed, as proposals): hundreds of lines over a district's
	 * map would hide the places they join.
	 */
	readonly previewHighlight = $derived.by(() => {
		const preview = this.#preview;
		if (!preview) return null;
		return { organisationIds: preview.organisations.map((o) => o.id), pairs: [] };
	});
	get reference(): ReferenceData | null {
		return this.#reference;
	}
	get viewBounds(): BoundingBox | null {
		return this.#viewBounds;
	}
	get updating(): boolean {
		return this.#updating;
	}
	/** Grows when the data may have changed; reads of the map's view follow it. */
	get revision(): number {
		return this.#revision;
	}

	readonly organisations = $derived(this.#shown?.organisations ?? []);

	/** The languages spoken somewhere in the atlas, the most common first. */
	readonly languagesSpoken = $derived.by(() => {
		const counts: Record<string, number> = {};
		for (const o of this.organisations) {
			for (const language of o.languages) counts[language] = (counts[language] ?? 0) + 1;
		}
		return Object.keys(counts).sort((a, b) => counts[b]! - counts[a]! || a.localeCompare(b));
	});

	/** The chosen areas with all that lies in them, or null for anywhere. */
	readonly #scope = $derived(areaScope(this.#filters.areas, this.#reference?.areas ?? []));
	/** The chosen areas with everything inside them, or null for anywhere. */
	get scope(): ReadonlySet<string> | null {
		return this.#scope;
	}

	/**
	 * The organisations that match the filters: what map, list and network show.
	 * The database applies the filters (atlas() with them); until its answer to
	 * new filters arrives, the previous one stays on screen.
	 */
	readonly visible = $derived.by(() => {
		const preview = this.#preview?.organisations ?? [];
		return [...(this.#answerForFilters?.organisations ?? []), ...preview];
	});

	/**
	 * The answer map, list and network draw from. An earlier answer (the first
	 * paint, the last visit's) is for no filters: while filters from a link wait
	 * for the database, it would show what they exclude, so nothing is shown.
	 */
	readonly #answerForFilters = $derived(
		this.#selection ?? (this.#updating && readsOwnAnswer(this.#filters) ? null : this.#atlas)
	);

	/**
	 * The ties among them, as the same answer gives them: at a date, those
	 * that ran then (and ended the year before); an import's preview adds its own.
	 */
	readonly collaborations = $derived.by(() => {
		const preview = this.#preview?.collaborations ?? [];
		return [...(this.#answerForFilters?.collaborations ?? []), ...preview];
	});

	/** At a date: the running ties left out for want of a known start. */
	readonly undated = $derived(this.#answerForFilters?.undated ?? 0);

	/** Who among them belongs to which programme, from the same answer: not ties. */
	readonly memberships = $derived(this.#answerForFilters?.memberships ?? []);
	/** The programmes those memberships name, and their parents. */
	readonly programmesInScope = $derived(this.#answerForFilters?.programmes ?? []);

	/** Every programme one may filter on, parents before sub-groups; null until known. */
	get programmeList(): ProgrammeSummary[] | null {
		return this.#programmeList;
	}

	/**
	 * The chosen programme's members, outlined together on the map: those the
	 * answer shows (the programme's own entry and its sub-groups' too).
	 */
	readonly programmeOutline = $derived.by(() => {
		const chosen = this.#filters.programmes;
		if (chosen.length === 0 || this.visible.length === 0) return null;
		const names = chosen.map(
			(slug) =>
				this.#programmeList?.find((p) => p.slug === slug)?.name ??
				this.visible.find((o) => o.slug === slug)?.name ??
				slug
		);
		return { name: names.join(', '), members: this.visible };
	});

	/** True when the filters select more than the browser holds as a network (see networkLimits). */
	readonly oversized = $derived(this.#answerForFilters?.oversized === true);
	/** The limits the database was asked to keep to. */
	readonly limits = configuredLimits();

	/** Per filter option, how many organisations choosing it would show (the database's count). */
	readonly counts = $derived<AtlasCounts | null>(this.#answerForFilters?.counts ?? null);

	/** True while the answer to new filters is on its way. */
	get selecting(): boolean {
		return this.#selecting;
	}
	/** The error of the last filtered read, if it failed (the previous answer stays shown). */
	get selectionError(): unknown {
		return this.#selectionError;
	}

	/** Of those, the ones in the part of the map in view (all until the map reports). */
	readonly inView = $derived.by(() => {
		const bounds = this.#viewBounds;
		return bounds ? this.visible.filter((o) => isInside(o, bounds)) : this.visible;
	});

	/**
	 * Around a chosen place: those that match the filters within its radius,
	 * nearest first, wherever the map is. Null without a place.
	 */
	readonly nearby = $derived.by((): NearbyOrganisation[] | null => {
		const near = this.#near;
		return near ? nearby(this.visible, near) : null;
	});

	get filters(): AtlasFilters {
		return this.#filters;
	}
	/** Boundaries of the areas that have one; none until they arrive (or if they cannot). */
	get areaBoundaries(): AreaBoundaries | null {
		return withPreview(this.#areaBoundaries, this.#areaPreview);
	}

	/** Outlines an area import would bring in, drawn until it is written or dropped. */
	setAreaPreview(preview: AreaBoundaries | null): void {
		this.#areaPreview = preview;
	}
	get areaFigures(): AreaFigures[] | null {
		return this.#areaFigures;
	}
	get near(): Near | null {
		return this.#near;
	}

	/** The place comes from the URL; the page passes it on whenever it changes. */
	setNear(near: Near | null): void {
		this.#near = near;
	}

	/**
	 * Asks the database again, after an edit or a change of user. Only what an
	 * anonymous visitor sees is kept for the next start (`cache`): a member's
	 * drafts stay out of this browser's storage.
	 */
	async refresh({ cache }: { cache: boolean }): Promise<void> {
		const backend = this.#connection.backend;
		if (!backend) return;
		const atlas = await backend.atlas({ limits: this.limits });
		this.#atlas = atlas;
		this.#revision++;
		await Promise.all([this.#select(untrack(() => this.#filters)), this.#loadProgrammes(backend)]);
		const reference = this.#reference;
		if (cache && reference) writeCachedAtlas(storage(), this.#cacheKey, { atlas, reference });
	}

	/**
	 * Keeps the map's live answer for the next start, for an anonymous visitor
	 * only: a member's drafts stay out of this browser's storage.
	 */
	rememberView(view: CachedView): void {
		const backend = this.#connection.backend;
		if (backend && !backend.auth.session()) writeCachedView(storage(), this.#cacheKey, view);
	}

	/** Filters come from the URL; the page passes them on whenever it changes. */
	setFilters(filters: AtlasFilters): void {
		// Any change to the URL (a pan, the network view) calls this: the same filters must not
		// make a new list, a new network and a new layout.
		if (JSON.stringify(filters) === JSON.stringify(untrack(() => this.#filters))) return;
		this.#filters = filters;
		this.#selected = this.#select(filters);
		// What was known before the backend is for no filters: it cannot answer these.
		if (readsOwnAnswer(filters)) this.#endHeadStart();
	}

	/** Asks again for what the current filters show, after a failed read. */
	reselect(): void {
		this.#selected = this.#select(untrack(() => this.#filters));
	}

	/** Resolves once the answer to the current filters is shown (or failed). */
	settled(): Promise<void> {
		return this.#selected;
	}

	/** Asks the database for what these filters show; only the latest request's answer is kept. */
	async #select(filters: AtlasFilters): Promise<void> {
		const request = ++this.#selectionRequest;
		const backend = untrack(() => this.#connection.backend);
		if (!backend || !readsOwnAnswer(filters)) {
			this.#selection = null;
			this.#selecting = false;
			this.#selectionError = null;
			return;
		}
		this.#selecting = true;
		try {
			const answer = await backend.atlas({ ...toAtlasQuery(filters), limits: this.limits });
			if (request !== this.#selectionRequest) return;
			this.#selection = answer;
			this.#selectionError = null;
		} catch (error) {
			if (request !== this.#selectionRequest) return;
			console.error(error);
			this.#selectionError = error;
		} finally {
			if (request === this.#selectionRequest) this.#selecting = false;
		}
	}

	/**
	 * Starts loading, once: draws what is known before the backend answers, and
	 * asks the backend for the live atlas as soon as it is there (and again
	 * after a retry brings it back).
	 */
	start(): void {
		if (this.#started) return;
		this.#started = true;
		this.#connection.onOpen((backend) => void this.#fetch(backend));
		void this.#openAfterHeadStart();
	}

	/** After a failure: starts the backend again, or asks it again for the atlas. */
	retry(): void {
		if (this.#connection.state.phase === 'failed') this.#connection.retry();
		else if (this.#fetchError && this.#connection.backend)
			void this.#fetch(this.#connection.backend);
	}

	/** The map has drawn its first markers: the backend may start now. */
	markersDrawn(): void {
		this.#endHeadStart();
	}

	setViewBounds(bounds: BoundingBox): void {
		this.#viewBounds = bounds;
	}

	/** An import's new organisations, drawn on the map beside what the database answers. */
	readonly previewOrganisations = $derived(this.#preview?.organisations ?? []);

	/**
	 * The backend starts once the map has drawn what was known before it, or
	 * after a short wait if that does not come (no WebGL, say): the embedded
	 * database's download and start would otherwise slow the first markers
	 * down. Without anything to draw, or with filters that only the database
	 * can answer, it starts at once.
	 */
	async #openAfterHeadStart(): Promise<void> {
		if (await this.#showEarlierAnswers()) {
			await Promise.race([
				this.#headStartOver,
				new Promise((resolve) => setTimeout(resolve, headStartWaitMs))
			]);
		}
		// A failure shows in `load`; retry() starts again.
		this.#connection.open().catch(() => {});
	}

	async #fetch(backend: Backend): Promise<void> {
		this.#fetchError = null;
		try {
			const [reference, atlas] = await Promise.all([
				backend.referenceData(),
				backend.atlas({ limits: this.limits })
			]);
			this.#reference = reference;
			this.#atlas = atlas;
			this.#selected = this.#select(untrack(() => this.#filters));
			// With filters, the earlier answer gives way to their answer, not to the whole atlas.
			if (readsOwnAnswer(untrack(() => this.#filters))) await this.#selected;
			// Not a new revision: the data is what the backend had when the map asked it.
			this.#updating = false;
			void this.#loadAreas(backend);
			void this.#loadProgrammes(backend);
			performance.mark('buurtatlas:data-ready');
			// What a signed-in user sees (drafts) is not kept for the next start.
			if (!backend.auth.session()) {
				writeCachedAtlas(storage(), this.#cacheKey, { atlas, reference });
			}
		} catch (error) {
			console.error(error);
			this.#updating = false;
			this.#fetchError = error;
		}
	}

	/**
	 * Draws earlier answers while the backend starts, if there are any: the last
	 * ones this browser saw, or a new embedded database's own seeded answers.
	 * True when there is something to draw.
	 */
	async #showEarlierAnswers(): Promise<boolean> {
		const cached = readCachedAtlas(storage(), this.#cacheKey);
		const view = readCachedView(storage(), this.#cacheKey);
		const earlier = cached
			? { ...cached, views: view ? [view] : [] }
			: await firstPaint().catch(() => null);
		if (!earlier || this.#atlas || this.#connection.backend) return false;
		this.#reference = earlier.reference;
		this.#atlas = earlier.atlas;
		this.#earlierViews = earlier.views;
		this.#updating = true;
		performance.mark('buurtatlas:earlier-answer-shown');
		return earlier.atlas !== null || earlier.views.length > 0;
	}

	/**
	 * Boundaries and figures are a nicety: without them the atlas works, so a
	 * failure is only logged (coverage then says it has no figures).
	 */
	async #loadAreas(backend: Backend): Promise<void> {
		const [boundaries, figures] = await Promise.allSettled([
			backend.areaBoundaries(),
			backend.areaFigures()
		]);
		if (boundaries.status === 'fulfilled') this.#areaBoundaries = boundaries.value;
		else console.warn('Area boundaries unavailable', boundaries.reason);
		if (figures.status === 'fulfilled') this.#areaFigures = figures.value;
		else console.warn('Area figures unavailable', figures.reason);
	}

	/** Like areas, a nicety: without the list, a programme in the link still filters. */
	async #loadProgrammes(backend: Backend): Promise<void> {
		try {
			this.#programmeList = await backend.programmes();
		} catch (error) {
			console.warn('Programmes unavailable', error);
		}
	}

	/** After areas changed (an import or its undo): areas, outlines, figures and who lies where. */
	async refreshAreas(): Promise<void> {
		const backend = this.#connection.backend;
		if (!backend) return;
		const [reference, atlas] = await Promise.all([
			backend.referenceData(),
			backend.atlas({ limits: this.limits })
		]);
		this.#reference = reference;
		this.#atlas = atlas;
		this.#revision++;
		await Promise.all([this.#select(untrack(() => this.#filters)), this.#loadAreas(backend)]);
	}
}

function storage(): Storage | undefined {
	try {
		return globalThis.localStorage;
	} catch {
		return undefined; // storage blocked by the browser's settings
	}
}

export const atlasStore = new AtlasStore();
