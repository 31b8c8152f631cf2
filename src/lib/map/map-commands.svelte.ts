/**
 * What the rest of the app asks of the map: show these bounds, these
 * organisations or these areas; let the next click choose a point (for "near
 * me" or for a form); draw the point a form is choosing; colour the areas by
 * coverage; save it as a picture. The map reads this
 * and nothing else steers it; nobody reads the map's internals.
 */
import { untrack } from 'svelte';
import type { AreaBoundaries, BoundingBox } from '$lib/data';
import { boundsOf } from '$lib/places/bounds';
import { areaBounds } from '$lib/places/area-bounds';
import type { LngLat } from '$lib/places/distance';
import type { CoverageMap } from '$lib/places/coverage-map';
import type { PictureCaption } from '$lib/ui/picture-caption';

/** A request for the map to show these bounds; `seq` makes a repeat request new. */
export interface FitRequest {
	bounds: BoundingBox;
	seq: number;
}

export class MapCommands {
	#fitRequest = $state.raw<FitRequest | null>(null);
	/** True while the next click on the map chooses a point. */
	#picking = $state(false);
	#draftPoint = $state.raw<LngLat | null>(null);
	#coverage = $state.raw<CoverageMap | null>(null);
	/** Whoever asked for the next click on the map (a form choosing a location), if anyone. */
	#pointRequest: ((point: LngLat) => void) | null = null;

	get fitRequest(): FitRequest | null {
		return this.#fitRequest;
	}
	get picking(): boolean {
		return this.#picking;
	}
	/** The point a form is choosing for an organisation, drawn on the map while it is open. */
	get draftPoint(): LngLat | null {
		return this.#draftPoint;
	}

	/** The coverage a coordinator chose to see on the map: a class per area; null for none. */
	get coverage(): CoverageMap | null {
		return this.#coverage;
	}
	showCoverage(coverage: CoverageMap | null): void {
		this.#coverage = coverage;
	}

	/** Asks the map to show these bounds (nothing for null). */
	fit(bounds: BoundingBox | null): void {
		const seq = untrack(() => this.#fitRequest?.seq ?? 0);
		if (bounds) this.#fitRequest = { bounds, seq: seq + 1 };
	}

	/** Asks the map to show these organisations. */
	show(organisations: readonly LngLat[]): void {
		this.fit(boundsOf(organisations));
	}

	/** Asks the map to show these areas' outlines. */
	showAreas(boundaries: AreaBoundaries | null, areaIds: readonly string[]): void {
		this.fit(areaBounds(boundaries, areaIds));
	}

	setPicking(picking: boolean): void {
		this.#picking = picking;
		if (!picking) this.#pointRequest = null;
	}

	/** The next click on the map gives its point to `use`, instead of choosing "near me". */
	requestPoint(use: (point: LngLat) => void): void {
		this.#pointRequest = use;
		this.#picking = true;
	}

	/** Hands a click to whoever requested it; false when nobody did. */
	takePoint(point: LngLat): boolean {
		const use = this.#pointRequest;
		if (!use) return false;
		this.#pointRequest = null;
		this.#picking = false;
		use(point);
		return true;
	}

	setDraftPoint(point: LngLat | null): void {
		this.#draftPoint = point;
	}

	#picture = $state.raw<((caption: PictureCaption) => Promise<Blob>) | null>(null);
	#pictureWanted = $state(false);

	/** Someone may want the picture (the export menu was opened): a map still waiting starts. */
	get pictureWanted(): boolean {
		return this.#pictureWanted;
	}
	wantPicture(): void {
		this.#pictureWanted = true;
	}

	/** Whether the map can be saved as a picture now: it is there and drawn. */
	get canPicture(): boolean {
		return this.#picture !== null;
	}
	/** The map offers (or withdraws) its picture, when it is ready (or gone). */
	providePicture(take: ((caption: PictureCaption) => Promise<Blob>) | null): void {
		this.#picture = take;
	}
	/** The map as it is shown, as a PNG with this caption under it. */
	picture(caption: PictureCaption): Promise<Blob> {
		const take = untrack(() => this.#picture);
		return take ? take(caption) : Promise.reject(new Error('The map is not ready'));
	}
}

export const mapCommands = new MapCommands();
