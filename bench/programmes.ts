/**
 * Programmes in the network: what grouping, collapsing and shared membership
 * cost on the main thread (the network store derives them there), for a
 * district and for the network's limit of 5,000 organisations and 20,000
 * ties, with programmes of 5 to 200 members. Against a baseline run in the
 * same process: building the network from the atlas's answer, which every
 * change of filters does anyway. Prints times and ratios; asserts nothing.
 * Target: each step at most twice the baseline, and under one frame (16 ms).
 *
 *   npm run bench:programmes
 */
import { buildNetwork } from '../src/lib/network/network-model';
import {
	collapseProgrammes,
	programmeGroups,
	withSharedMembership
} from '../src/lib/network/network-programmes';
import type {
	AtlasCollaboration,
	AtlasMembership,
	AtlasOrganisation,
	AtlasProgramme
} from '../src/lib/data/types';

/** A fixed pseudo-random sequence (mulberry32), so each run measures the same network. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

function synthetic(nodes: number, ties: number, programmeSizes: number[]) {
	const next = random(42);
	const organisations: AtlasOrganisation[] = Array.from({ length: nodes }, (_, i) => ({
		id: `o${i}`,
		slug: `o${i}`,
		name: `Organisatie ${i}`,
		kind: 'resident_initiative',
		lng: 4.7 + next() * 0.3,
		lat: 52.3 + next() * 0.1,
		areaId: null,
		themes: [],
		openToNewcomers: false,
		illustrative: false,
		languages: []
	}));
	const collaborations: AtlasCollaboration[] = Array.from({ length: ties }, (_, i) => ({
		id: `c${i}`,
		source: `o${Math.floor(next() * nodes)}`,
		target: `o${Math.floor(next() * nodes)}`,
		kind: 'partnership',
		status: 'active'
	}));
	const programmes: AtlasProgramme[] = programmeSizes.map((_, p) => ({
		id: `o${p}`,
		slug: `p${p}`,
		name: `Programma ${p}`,
		kind: 'programme',
		parent: p % 5 === 4 ? `o${p - 1}` : null
	}));
	const memberships: AtlasMembership[] = programmeSizes.flatMap((size, p) =>
		Array.from({ length: size }, () => ({
			programme: `o${p}`,
			member: `o${Math.floor(next() * nodes)}`,
			role: 'partner'
		}))
	);
	return { organisations, collaborations, programmes, memberships };
}

/** Median of repeated runs, in milliseconds. */
function time(run: () => unknown, repeat = 15): number {
	const times: number[] = [];
	for (let i = 0; i < repeat; i++) {
		const start = performance.now();
		run();
		times.push(performance.now() - start);
	}
	return times.sort((a, b) => a - b)[times.length >> 1]!;
}

const cases = [
	{ label: 'a district', nodes: 400, ties: 1200, sizes: [60, 20, 12, 8, 5] },
	{
		label: 'a city',
		nodes: 2000,
		ties: 6000,
		sizes: Array.from({ length: 20 }, (_, i) => 5 + ((i * 37) % 96))
	},
	{
		label: 'the network limit',
		nodes: 5000,
		ties: 20_000,
		sizes: Array.from({ length: 40 }, (_, i) => 5 + ((i * 37) % 196))
	}
];

for (const { label, nodes, ties, sizes } of cases) {
	const data = synthetic(nodes, ties, sizes);
	const network = buildNetwork(data.organisations, data.collaborations);
	const groups = programmeGroups(network.nodes, data.memberships, data.programmes);
	const baseline = time(() => buildNetwork(data.organisations, data.collaborations));
	const steps = {
		'group (programmeGroups)': time(() =>
			programmeGroups(network.nodes, data.memberships, data.programmes)
		),
		'collapse (collapseProgrammes)': time(() => collapseProgrammes(network, groups)),
		'shared membership as ties': time(() => withSharedMembership(network, groups, 20_000))
	};
	const shared = withSharedMembership(network, groups, 20_000);
	console.log(
		`\n${label}: ${nodes.toLocaleString('en')} organisations, ${ties.toLocaleString('en')} ties, ` +
			`${groups.length} programmes; shared membership adds ` +
			`${(shared.network.ties.length - network.ties.length).toLocaleString('en')} ties, ` +
			`leaves out ${shared.leftOut.length}`
	);
	console.table([
		{ step: 'baseline: buildNetwork', ms: baseline.toFixed(2), ratio: '1.00' },
		...Object.entries(steps).map(([step, ms]) => ({
			step,
			ms: ms.toFixed(2),
			ratio: (ms / baseline).toFixed(2)
		}))
	]);
}
