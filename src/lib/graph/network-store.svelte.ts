/**
 * The network as map, graph, detail and gap panel share it: the network of
 * the organisations the filters show, its analysis (computed in a worker),
 * what a gap finding asks both views to show, and how the graph is drawn.
 * Map and graph never talk to each other; both read and write this.
 */
import { atlasStore } from '$lib/atlas/atlas-store.svelte';
import { mapCommands } from '$lib/map/map-commands.svelte';
import type { AnalysisReference, NetworkAnalysis } from '$lib/analysis/analyse-network';
import {
	startAnalysisWorker,
	type AnalysisReply,
	type AnalysisRequest
} from '$lib/analysis/analysis-messages';
import { buildNetwork, type Highlight, type Network } from '$lib/network/network-model';
import {
	collapseProgrammes,
	programmeGroups,
	withSharedMembership,
	type ProgrammeGroup,
	type ProgrammeMode
} from '$lib/network/network-programmes';

export type NodeSizeMetric = 'degree' | 'betweenness';
export type NodeColouring = 'kind' | 'community';

export type AnalysisState =
	| { phase: 'idle' }
	| { phase: 'running' }
	| { phase: 'ready'; analysis: NetworkAnalysis }
	| { phase: 'failed'; message: string };

export class NetworkStore {
	#worker: Worker | null = null;
	#requestId = 0;
	#analysed: Network | null = null;
	#analysis = $state.raw<AnalysisState>({ phase: 'idle' });
	#highlight = $state.raw<Highlight | null>(null);

	sizeBy = $state<NodeSizeMetric>('degree');
	colourBy = $state<NodeColouring>('kind');
	/** 0 draws every organisation at its place on the map, 1 as the network pulls it. */
	blend = $state(1);
	/** How programmes are shown, as chosen; null: grouped when the filters choose one, else apart. */
	chosenProgrammeMode = $state<ProgrammeMode | null>(null);
	/**
	 * Whether members of the same programme count as tied, in drawing and
	 * metrics. Off by default: 50 partners would become 1,225 ties.
	 */
	sharedMembership = $state(false);

	get programmeMode(): ProgrammeMode {
		return (
			this.chosenProgrammeMode ?? (atlasStore.filters.programmes.length > 0 ? 'grouped' : 'apart')
		);
	}

	/**
	 * The programmes with two or more members among the organisations shown,
	 * largest first; the same object while they stay the same, as the network
	 * does, so an identical live answer does not lay the network out again.
	 */
	readonly programmeGroups = $derived.by(() => {
		const next = programmeGroups(
			atlasStore.visible,
			atlasStore.memberships,
			atlasStore.programmesInScope
		);
		const signature = JSON.stringify(next);
		if (this.#previousGroups?.signature === signature) return this.#previousGroups.groups;
		this.#previousGroups = { signature, groups: next };
		return next;
	});
	#previousGroups: { signature: string; groups: ProgrammeGroup[] } | null = null;

	#previous: { signature: string; network: Network } | null = null;
	readonly #startWorker: () => Worker;

	/** @param startWorker how the analysis worker starts: the real one, unless a test says otherwise */
	constructor(startWorker: () => Worker = startAnalysisWorker) {
		this.#startWorker = startWorker;
	}

	/** With shared membership: the collaborations' network and the ties it adds, within the limit. */
	readonly #shared = $derived.by(() => {
		const network = buildNetwork(atlasStore.visible, atlasStore.collaborations);
		return this.sharedMembership
			? withSharedMembership(network, this.programmeGroups, atlasStore.limits.collaborations)
			: { network, leftOut: [] };
	});
	/** Programmes too large for their shared membership to be drawn as ties. */
	get sharedLeftOut(): readonly ProgrammeGroup[] {
		return this.#shared.leftOut;
	}

	/**
	 * The organisations the filters show and the ties among them. The same
	 * network stays the same object: the live answer that follows an earlier
	 * one is usually identical, and must not start a new layout and analysis.
	 */
	readonly network = $derived.by(() => {
		let next = this.#shared.network;
		if (this.programmeMode === 'collapsed') next = collapseProgrammes(next, this.programmeGroups);
		const signature = JSON.stringify(next);
		if (this.#previous?.signature === signature) return this.#previous.network;
		this.#previous = { signature, network: next };
		return next;
	});

	get analysisState(): AnalysisState {
		return this.#analysis;
	}
	/** The analysis of the current network, or null while it is computed. */
	get analysis(): NetworkAnalysis | null {
		return this.#analysis.phase === 'ready' ? this.#analysis.analysis : null;
	}
	get highlight(): Highlight | null {
		return this.#highlight;
	}

	/** Shows a finding on map and graph; the same finding again hides it. */
	toggleHighlight(highlight: Highlight): void {
		this.#highlight = this.#highlight?.key === highlight.key ? null : highlight;
		if (!this.#highlight) return;
		const shown = this.#highlight.organisationIds;
		mapCommands.show(atlasStore.organisations.filter((o) => shown.includes(o.id)));
	}

	clearHighlight(): void {
		this.#highlight = null;
	}

	/**
	 * Analyses the network unless it already has been; a page that shows metrics
	 * calls this from an effect. Only the newest request's answer is kept.
	 */
	analyse(network: Network, reference: AnalysisReference): void {
		if (network === this.#analysed) return;
		this.#analysed = network;
		this.#worker ??= this.#open();
		this.#requestId += 1;
		this.#analysis = { phase: 'running' };
		const request: AnalysisRequest = {
			requestId: this.#requestId,
			// Plain copies: the network comes from reactive state, which cannot be cloned as is.
			network: { nodes: [...network.nodes], ties: [...network.ties] },
			reference: { areas: [...reference.areas], themes: [...reference.themes] }
		};
		this.#worker.postMessage(request);
	}

	#open(): Worker {
		const worker = this.#startWorker();
		worker.onmessage = ({ data }: MessageEvent<AnalysisReply>) => {
			if (data.requestId !== this.#requestId) return;
			this.#analysis = data.ok
				? { phase: 'ready', analysis: data.analysis }
				: { phase: 'failed', message: data.message };
		};
		worker.onerror = (event) => {
			this.#analysis = { phase: 'failed', message: event.message };
		};
		return worker;
	}
}

export const networkStore = new NetworkStore();
