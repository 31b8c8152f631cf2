/**
 * The gaps a coordinator looks for, as rules over the network of current ties.
 * Each rule returns plain data (ids, counts, distances); the gap panel puts
 * them into words, so the rules stay testable and the words translatable.
 */
import type { AbstractGraph } from 'graphology-types';
import type { Area } from '$lib/data';
import type { Network, NetworkNode } from '$lib/network/network-model';
import { distanceInMetres } from '$lib/places/distance';
import { connectedComponents } from 'graphology-components';
import { cutStructure } from './cut-points';
import type { NetworkMetrics } from './metrics';

export interface SingleTie {
	id: string;
	partner: string;
}

export interface Broker {
	id: string;
	/** The parts it alone connects to the rest, largest first. */
	cutOff: number[];
}

export interface BridgeTie {
	source: string;
	target: string;
	smallerSide: number;
}

/** How far the two worlds meet within one area or theme. */
export interface WorldsMeeting {
	key: string;
	residentLed: number;
	residentLedWithInstitution: number;
	institutions: number;
	institutionsWithResidentLed: number;
	/** The resident-led organisations here with no tie to any institution. */
	unbridged: string[];
}

export interface ClusterPair {
	a: number;
	b: number;
}

export interface Introduction {
	a: string;
	b: string;
	sharedThemes: string[];
	distance: number;
	/** One of the two is resident-led and the other an institution. */
	crossesWorlds: boolean;
}

export interface GapFindings {
	isolated: string[];
	singleTie: SingleTie[];
	brokers: Broker[];
	bridges: BridgeTie[];
	residentLedWithoutInstitution: string[];
	institutionsWithoutResidentLed: string[];
	worldsByArea: WorldsMeeting[];
	worldsByTheme: WorldsMeeting[];
	/** Pairs of clusters (by community index) with no tie between them. */
	unconnectedClusters: ClusterPair[];
	/** How many separate parts the network of current ties falls into, leaving out the isolated. */
	parts: number;
	introductions: Introduction[];
	areasWithoutInitiative: string[];
	themesWithoutInitiative: string[];
}

export interface GapOptions {
	/** Suggest introductions between organisations at most this far apart. */
	introductionRadius?: number;
	maxIntroductions?: number;
	/** Compare at most this many of the largest clusters pairwise. */
	maxClustersCompared?: number;
}

export function findGaps(
	network: Network,
	graph: AbstractGraph,
	metrics: NetworkMetrics,
	reference: { areas: readonly Area[]; themes: readonly string[] },
	{ introductionRadius = 1000, maxIntroductions = 15, maxClustersCompared = 8 }: GapOptions = {}
): GapFindings {
	const byId = new Map(network.nodes.map((n) => [n.id, n]));
	const nameOf = (id: string) => byId.get(id)?.name ?? id;
	const byName = (a: string, b: string) => nameOf(a).localeCompare(nameOf(b), 'nl');
	const groupOf = (id: string) => byId.get(id)?.group;

	const isolated = network.nodes
		.filter((n) => graph.degree(n.id) === 0)
		.map((n) => n.id)
		.sort(byName);
	const singleTie = network.nodes
		.filter((n) => graph.degree(n.id) === 1)
		.map((n) => ({ id: n.id, partner: graph.neighbors(n.id)[0]! }))
		.sort((a, b) => byName(a.id, b.id));

	const { cutPoints, bridges } = cutStructure(graph);
	const cutOffTotal = (b: Broker) => b.cutOff.reduce((sum, size) => sum + size, 0);
	const brokers = cutPoints
		.map((c): Broker => ({ id: c.node, cutOff: c.cutOff }))
		.sort((a, b) => cutOffTotal(b) - cutOffTotal(a) || byName(a.id, b.id));
	// A tie to an organisation with no other tie is a bridge too, but that is a
	// single tie, reported above; these are the ties that hold groups together.
	const bridgeTies = bridges
		.filter((b) => b.smallerSide >= 2)
		.sort((a, b) => b.smallerSide - a.smallerSide || byName(a.source, b.source));

	const tiedToGroup = (id: string, group: NetworkNode['group']) =>
		graph.someNeighbor(id, (neighbour) => groupOf(neighbour) === group);
	const residentLed = network.nodes.filter((n) => n.group === 'resident_led');
	const institutions = network.nodes.filter((n) => n.group === 'institution');
	const residentLedWithoutInstitution = residentLed
		.filter((n) => !tiedToGroup(n.id, 'institution'))
		.map((n) => n.id)
		.sort(byName);
	const institutionsWithoutResidentLed = institutions
		.filter((n) => !tiedToGroup(n.id, 'resident_led'))
		.map((n) => n.id)
		.sort(byName);

	const meeting = (keysOf: (n: NetworkNode) => readonly string[]): WorldsMeeting[] => {
		const rows = new Map<string, WorldsMeeting>();
		const row = (key: string) => {
			let found = rows.get(key);
			if (!found) {
				found = {
					key,
					residentLed: 0,
					residentLedWithInstitution: 0,
					institutions: 0,
					institutionsWithResidentLed: 0,
					unbridged: []
				};
				rows.set(key, found);
			}
			return found;
		};
		for (const n of network.nodes) {
			if (n.group !== 'resident_led' && n.group !== 'institution') continue;
			for (const key of keysOf(n)) {
				const r = row(key);
				if (n.group === 'resident_led') {
					r.residentLed += 1;
					if (tiedToGroup(n.id, 'institution')) r.residentLedWithInstitution += 1;
					else r.unbridged.push(n.id);
				} else {
					r.institutions += 1;
					if (tiedToGroup(n.id, 'resident_led')) r.institutionsWithResidentLed += 1;
				}
			}
		}
		const share = (r: WorldsMeeting) =>
			r.residentLed === 0 ? 1 : r.residentLedWithInstitution / r.residentLed;
		return [...rows.values()].sort((a, b) => share(a) - share(b) || a.key.localeCompare(b.key));
	};
	const wijkOf = wijkLookup(reference.areas);
	const worldsByArea = meeting((n) => (n.areaId ? [wijkOf(n.areaId)] : []));
	const worldsByTheme = meeting((n) => n.themes);

	const tiedCommunities = new Set<string>();
	graph.forEachEdge((_edge, _attributes, source, target) => {
		const a = metrics.byNode[source]!.community;
		const b = metrics.byNode[target]!.community;
		tiedCommunities.add(`${Math.min(a, b)}|${Math.max(a, b)}`);
	});
	const compared = metrics.communities.filter((c) => c.size >= 2).slice(0, maxClustersCompared);
	const unconnectedClusters: ClusterPair[] = [];
	for (let i = 0; i < compared.length; i++) {
		for (let j = i + 1; j < compared.length; j++) {
			const a = compared[i]!.index;
			const b = compared[j]!.index;
			if (!tiedCommunities.has(`${Math.min(a, b)}|${Math.max(a, b)}`))
				unconnectedClusters.push({ a, b });
		}
	}

	const introductions = suggestIntroductions(network, metrics, introductionRadius)
		.sort(
			(x, y) =>
				y.sharedThemes.length - x.sharedThemes.length ||
				Number(y.crossesWorlds) - Number(x.crossesWorlds) ||
				x.distance - y.distance ||
				byName(x.a, y.a) ||
				byName(x.b, y.b)
		)
		.slice(0, maxIntroductions);

	const initiativeAreas = new Set<string>();
	const ancestors = ancestorLookup(reference.areas);
	for (const n of residentLed) {
		if (n.areaId) for (const id of ancestors(n.areaId)) initiativeAreas.add(id);
	}
	const areasWithoutInitiative = reference.areas
		.filter((a) => a.level !== 'stadsdeel' && a.level !== 'gemeente' && !initiativeAreas.has(a.id))
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'))
		.map((a) => a.id);
	const initiativeThemes = new Set(residentLed.flatMap((n) => n.themes));
	const themesWithoutInitiative = reference.themes.filter((t) => !initiativeThemes.has(t));

	return {
		isolated,
		singleTie,
		brokers,
		bridges: bridgeTies,
		residentLedWithoutInstitution,
		institutionsWithoutResidentLed,
		worldsByArea,
		worldsByTheme,
		unconnectedClusters,
		parts: countParts(graph),
		introductions,
		areasWithoutInitiative,
		themesWithoutInitiative
	};
}

/**
 * Pairs with no tie of any kind (a proposed or ended one means they already
 * know each other) that share a theme, lie within `radius` metres and sit in
 * different clusters. Organisations are bucketed by latitude, so only
 * neighbours within the radius are compared, not every pair.
 */
function suggestIntroductions(
	network: Network,
	metrics: NetworkMetrics,
	radius: number
): Introduction[] {
	const anyTie = new Set(network.ties.map((t) => `${t.source}|${t.target}`));
	const known = (a: string, b: string) => anyTie.has(`${a}|${b}`) || anyTie.has(`${b}|${a}`);
	const latitudeSpan = radius / 111_320;
	const sorted = [...network.nodes].sort((a, b) => a.lat - b.lat);
	const found: Introduction[] = [];
	for (let i = 0; i < sorted.length; i++) {
		const a = sorted[i]!;
		for (let j = i + 1; j < sorted.length && sorted[j]!.lat - a.lat <= latitudeSpan; j++) {
			const b = sorted[j]!;
			if (metrics.byNode[a.id]?.community === metrics.byNode[b.id]?.community) continue;
			const sharedThemes = a.themes.filter((t) => b.themes.includes(t));
			if (sharedThemes.length === 0 || known(a.id, b.id)) continue;
			const distance = distanceInMetres(a, b);
			if (distance > radius) continue;
			const [first, second] = a.name.localeCompare(b.name, 'nl') <= 0 ? [a, b] : [b, a];
			const groups = new Set([a.group, b.group]);
			found.push({
				a: first.id,
				b: second.id,
				sharedThemes,
				distance,
				crossesWorlds: groups.has('resident_led') && groups.has('institution')
			});
		}
	}
	return found;
}

/** Separate parts of the network, not counting organisations without any tie. */
function countParts(graph: AbstractGraph): number {
	return connectedComponents(graph).filter((component) => component.length > 1).length;
}

/** An area and every area it lies in. */
export function ancestorLookup(areas: readonly Area[]): (id: string) => string[] {
	const parentOf = new Map(areas.map((a) => [a.id, a.parentId]));
	return (id) => {
		const chain: string[] = [];
		for (let at: string | null | undefined = id; at && !chain.includes(at); at = parentOf.get(at))
			chain.push(at);
		return chain;
	};
}

/** The wijk an area lies in, or the area itself when it is a wijk or larger. */
function wijkLookup(areas: readonly Area[]): (id: string) => string {
	const ancestors = ancestorLookup(areas);
	const level = new Map(areas.map((a) => [a.id, a.level]));
	return (id) => ancestors(id).find((a) => level.get(a) !== 'buurt') ?? id;
}
