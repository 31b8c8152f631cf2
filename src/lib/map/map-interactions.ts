/**
 * What a pointer and the keyboard do on the atlas map: click a marker to
 * select it, a cluster or a counted cell to zoom until it comes apart, hover
 * to name what is under the pointer; while picking a place, a click (or Enter
 * on the focused map, at its centre) chooses it and Escape cancels. Wired
 * once, when the map is made; MapLibre drops the listeners with the map.
 */
import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import type { OrganisationKind } from '$lib/data';
import type { LngLat } from '$lib/places/distance';
import { m } from '$lib/paraglide/messages';
import { organisationKindLabel } from '$lib/i18n/labels';
import type { MapLibre } from './maplibre-loader';
import {
	cellsLayer,
	clustersLayer,
	organisationsLayer,
	organisationsSource,
	selectionLayer
} from './map-layers';
import { cellBounds } from './view-features';

export interface MapHandlers {
	/** Read at each event: whether a click chooses a place. */
	picking: () => boolean;
	onpick?: (point: LngLat) => void;
	onpickcancel?: () => void;
	onselect?: (organisation: { slug: string }) => void;
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

export function wireInteractions(map: MapLibreMap, maplibre: MapLibre, handlers: MapHandlers) {
	const { picking } = handlers;
	const pointLayers = [organisationsLayer, selectionLayer];

	// Choosing a place comes before anything else a click could mean.
	map.on('click', (event) => {
		if (picking()) handlers.onpick?.({ lng: event.lngLat.lng, lat: event.lngLat.lat });
	});
	map.getCanvas().addEventListener('keydown', (event) => {
		if (!picking()) return;
		if (event.key === 'Enter') {
			const center = map.getCenter();
			handlers.onpick?.({ lng: center.lng, lat: center.lat });
		} else if (event.key === 'Escape') {
			handlers.onpickcancel?.();
		}
	});

	map.on('click', pointLayers, (event: MapLayerMouseEvent) => {
		if (picking()) return;
		const slug = event.features?.[0]?.properties?.['slug'];
		if (typeof slug === 'string') handlers.onselect?.({ slug });
	});

	// A cluster opens up: zoom to where it falls apart.
	map.on('click', clustersLayer, (event: MapLayerMouseEvent) => {
		if (picking()) return;
		const feature = event.features?.[0];
		const clusterId = feature?.properties?.['cluster_id'];
		if (typeof clusterId !== 'number' || feature?.geometry.type !== 'Point') return;
		const center = feature.geometry.coordinates as [number, number];
		map
			.getSource<GeoJSONSource>(organisationsSource)
			?.getClusterExpansionZoom(clusterId)
			.then((zoom) => map.easeTo({ center, zoom, duration: reducedMotion() ? 0 : 500 }))
			.catch(() => {
				// The data changed under the cluster; the next click finds a current one.
			});
	});

	// A cell of the database's opens up too: zoom until its organisations come apart.
	map.on('click', cellsLayer, (event: MapLayerMouseEvent) => {
		if (picking()) return;
		const bounds = cellBounds(event.features?.[0]?.properties ?? {});
		if (!bounds) return;
		const camera = map.cameraForBounds([...bounds], { padding: 48, maxZoom: 16 });
		const zoom = Math.max(map.getZoom() + 1, camera?.zoom ?? 0);
		map.easeTo({
			center: camera?.center ?? map.getCenter(),
			zoom: Math.min(zoom, 18),
			duration: reducedMotion() ? 0 : 500
		});
	});

	// Hovering names what is under the pointer.
	const tooltip = new maplibre.Popup({
		closeButton: false,
		closeOnClick: false,
		className: 'ba-tooltip',
		offset: 12
	});
	const hover = (event: MapLayerMouseEvent) => {
		const feature = event.features?.[0];
		if (!feature || feature.geometry.type !== 'Point' || picking()) return;
		map.getCanvas().style.cursor = 'pointer';
		tooltip
			.setLngLat(feature.geometry.coordinates as [number, number])
			.setText(tooltipText(feature.properties))
			.addTo(map);
	};
	const unhover = () => {
		map.getCanvas().style.cursor = picking() ? 'crosshair' : '';
		tooltip.remove();
	};
	for (const layer of [...pointLayers, clustersLayer, cellsLayer]) {
		map.on('mousemove', layer, hover);
		map.on('mouseleave', layer, unhover);
	}
}

/** An organisation's name and kind; a cluster's or cell's count, with its ties when it has them. */
function tooltipText(properties: Record<string, unknown>): string {
	const count = properties['point_count'];
	const within = properties['ties'];
	if (typeof count !== 'number') {
		const name = String(properties['name']);
		return `${properties['illustrative'] === true ? m.illustrative_named({ name }) : name} · ${organisationKindLabel(properties['kind'] as OrganisationKind)}`;
	}
	return typeof within === 'number' && within > 0
		? m.map_cell_tooltip_ties({ count, ties: within })
		: m.map_cluster_tooltip({ count });
}
