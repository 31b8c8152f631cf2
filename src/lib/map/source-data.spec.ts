import { describe, expect, it, vi } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { replaceFeatureStates, replaceSourceData } from './source-data';

/** A stand-in for MapLibre's map with one GeoJSON source: only the calls these helpers make. */
function mapWithSource() {
	const source = { setData: vi.fn() };
	const map = {
		source,
		getSource: vi.fn(() => map.source),
		removeFeatureState: vi.fn(),
		setFeatureState: vi.fn()
	};
	return map;
}
const asMap = (map: ReturnType<typeof mapWithSource>) => map as unknown as MapLibreMap;

const points = (...xs: number[]): FeatureCollection => ({
	type: 'FeatureCollection',
	features: xs.map((x) => ({
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [x, 52] },
		properties: { id: String(x) }
	}))
});

describe('replaceSourceData', () => {
	it('sets new content, and skips the same content in a new object', () => {
		const map = mapWithSource();
		replaceSourceData(asMap(map), 'ba-organisations', points(4.8, 4.9));
		replaceSourceData(asMap(map), 'ba-organisations', points(4.8, 4.9));
		expect(map.source.setData).toHaveBeenCalledTimes(1);
		replaceSourceData(asMap(map), 'ba-organisations', points(4.8));
		expect(map.source.setData).toHaveBeenCalledTimes(2);
		expect(map.source.setData).toHaveBeenLastCalledWith(points(4.8));
	});

	it('sets the data again on a new style’s source, which starts empty', () => {
		const map = mapWithSource();
		replaceSourceData(asMap(map), 'ba-organisations', points(4.8));
		const before = map.source;
		map.source = { setData: vi.fn() };
		replaceSourceData(asMap(map), 'ba-organisations', points(4.8));
		expect(before.setData).toHaveBeenCalledTimes(1);
		expect(map.source.setData).toHaveBeenCalledTimes(1);
	});
});

describe('replaceFeatureStates', () => {
	it('clears and sets states only when they change', () => {
		const map = mapWithSource();
		replaceFeatureStates(asMap(map), 'ba-areas', [['a', { chosen: true }]]);
		replaceFeatureStates(asMap(map), 'ba-areas', [['a', { chosen: true }]]);
		expect(map.removeFeatureState).toHaveBeenCalledTimes(1);
		expect(map.setFeatureState).toHaveBeenCalledTimes(1);
		replaceFeatureStates(asMap(map), 'ba-areas', []);
		expect(map.removeFeatureState).toHaveBeenCalledTimes(2);
		expect(map.setFeatureState).toHaveBeenCalledTimes(1);
	});
});
