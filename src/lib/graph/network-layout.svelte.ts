/**
 * The main thread's side of the layout worker: starts a layout for a network,
 * passes drags on, and holds the latest positions as raw state. Answers to an
 * older layout (the filters changed meanwhile) are dropped by request id.
 */
import { startLayoutWorker, type LayoutReply, type LayoutRequest } from './layout-messages';
import { homePositions } from './force-layout';

export class NetworkLayout {
	#worker: Worker | null = null;
	#requestId = 0;
	#home = $state.raw<Float32Array>(new Float32Array());
	#positions = $state.raw<Float32Array | null>(null);
	#settled = $state(false);
	#frames = $state(0);
	readonly #startWorker: () => Worker;

	/** @param startWorker how the layout worker starts: the real one, unless a test says otherwise */
	constructor(startWorker: () => Worker = startLayoutWorker) {
		this.#startWorker = startWorker;
	}

	/** Where each node lies on the map, in layout units. */
	get home(): Float32Array {
		return this.#home;
	}
	/** The network layout's latest positions, null until the first frame. */
	get positions(): Float32Array | null {
		return this.#positions;
	}
	get settled(): boolean {
		return this.#settled;
	}
	/** How many frames of this layout arrived: one when it was laid out without motion. */
	get frames(): number {
		return this.#frames;
	}

	start(
		places: readonly { lng: number; lat: number }[],
		links: Uint32Array,
		{ still, pulls = new Uint32Array() }: { still: boolean; pulls?: Uint32Array }
	): void {
		this.#worker ??= this.#open();
		this.#requestId += 1;
		const home = homePositions(places);
		this.#home = home;
		this.#positions = null;
		this.#settled = false;
		this.#frames = 0;
		this.#send({
			type: 'start',
			requestId: this.#requestId,
			home: home.slice(),
			links,
			pulls,
			still
		});
	}

	drag(index: number, x: number, y: number): void {
		this.#settled = false;
		this.#send({ type: 'drag', requestId: this.#requestId, index, x, y });
	}

	release(index: number): void {
		this.#send({ type: 'release', requestId: this.#requestId, index });
	}

	destroy(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}

	#open(): Worker {
		const worker = this.#startWorker();
		worker.onmessage = ({ data }: MessageEvent<LayoutReply>) => {
			if (data.requestId !== this.#requestId) return;
			this.#positions = data.positions;
			this.#settled = data.settled;
			this.#frames += 1;
		};
		return worker;
	}

	#send(request: LayoutRequest): void {
		this.#worker?.postMessage(request);
	}
}
