/**
 * What the page gives the atlas map (AtlasMap.svelte): the data to draw, the
 * view to open at, and what to tell the page when the person acts on the map.
 */
import type { FeatureCollection, LineString } from 'geojson';
import type {
	Area,
	AreaBoundaries,
	AtlasOrganisation,
	BoundingBox,
	MapViewAnswer
} from '$lib/data';
import type { Near } from '$lib/places/near';
import type { LngLat } from '$lib/places/distance';
import type { CoverageMap } from '$lib/places/coverage-map';
import type { FitRequest } from './map-commands.svelte';
import type { MapView } from './map-view';
import type { Viewport } from './view-requests';
import type { CollaborationLineProperties } from './collaboration-lines';
import type { MapHighlight } from './highlight-layers';
import type { ProgrammeOutline } from './programme-outline';
import type { MapPointLike } from './organisation-features';
import type { PictureCaption } from '$lib/ui/picture-caption';

export interface AtlasMapProps {
	/** Every organisation the filters select: the selection and highlights are found among them. */
	organisations: readonly AtlasOrganisation[];
	/** The organisations drawn as markers: those the view can tell apart (see map_view()). */
	points: readonly MapPointLike[];
	/** The database's answer for the view: its cells, and its ties when `network` is on. */
	view?: MapViewAnswer | null;
	/** Draws the network in view: ties between organisations, and counted between cells. */
	network?: boolean;
	/** Why the last read of the view failed, if it did; the previous answer stays drawn. */
	viewError?: unknown;
	onviewretry?: () => void;
	/** The legend's switch for the network on the map (on a phone, where the view bar has no room). */
	onnetworkchange?: (shown: boolean) => void;
	selectedId: string | null;
	initialBounds: BoundingBox;
	/** Lines to draw, e.g. the collaborations of the selected organisation. */
	lines?: FeatureCollection<LineString, CollaborationLineProperties>;
	/** A view to open at instead of the bounds, e.g. from a shared link. */
	initialView?: MapView | null;
	/** After every move, with the view now shown. */
	onviewchange?: (view: MapView) => void;
	/** A new request makes the map fit these bounds once. */
	fitRequest?: FitRequest | null;
	/** After every move, with the box in view and the zoom. */
	onviewportchange?: (viewport: Viewport) => void;
	onselect?: (organisation: { slug: string }) => void;
	/** Once, when markers are first on screen, the poster's or MapLibre's (the backend waits for it). */
	onfirstmarkers?: () => void;
	/** Once the map is ready: how to take its picture (null when it is gone). */
	onpicture?: (take: ((caption: PictureCaption) => Promise<Blob>) | null) => void;
	/** The place "near me" is about, drawn with its radius. */
	place?: Near | null;
	/** While true, a click (or Enter on the focused map) chooses a place instead. */
	picking?: boolean;
	onpick?: (point: LngLat) => void;
	onpickcancel?: () => void;
	/** Area boundaries to outline, and which of them are chosen. */
	areas?: AreaBoundaries | null;
	/** The areas the atlas knows, to name them on the fallback map. */
	knownAreas?: readonly Area[];
	chosenAreas?: readonly string[];
	/** Organisations and pairs a gap finding asks to show, drawn over everything. */
	highlight?: MapHighlight | null;
	/** A chosen programme: its members outlined together, not joined by lines. */
	programme?: ProgrammeOutline | null;
	/** Coverage per area, coloured as a choropleth with its legend; null to hide it. */
	coverage?: CoverageMap | null;
	/** Something outside the map needs it drawn in full (a picture of it): a waiting map starts. */
	wanted?: boolean;
}
