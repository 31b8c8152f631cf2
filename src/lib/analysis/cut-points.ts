/**
 * Articulation points (organisations whose removal splits the network) and
 * bridges (single ties whose loss splits it), by Tarjan's depth-first search.
 *
 * Hand-written because graphology and its standard library have connected
 * components but neither of these; the algorithm is short, linear in the size
 * of the graph, and tested on graphs whose answer is known. Iterative, so a
 * long chain of 5,000 organisations cannot overflow the stack.
 */
import type { AbstractGraph } from 'graphology-types';

export interface CutPoint {
	node: string;
	/**
	 * The sizes of the parts that would be cut off from the rest of its
	 * component if it went, largest first (the rest itself not included).
	 */
	cutOff: number[];
}

export interface Bridge {
	source: string;
	target: string;
	/** How many organisations lie on the smaller side of the tie. */
	smallerSide: number;
}

export interface CutStructure {
	cutPoints: CutPoint[];
	bridges: Bridge[];
}

export function cutStructure(graph: AbstractGraph): CutStructure {
	const discovered = new Map<string, number>();
	const low = new Map<string, number>();
	const subtree = new Map<string, number>();
	/** Per cut point, the sizes of the parts below it in the search tree that only it connects. */
	const partsBelow = new Map<string, number[]>();
	const cutOff = new Map<string, number[]>();
	const bridges: Bridge[] = [];
	let time = 0;

	graph.forEachNode((root) => {
		if (discovered.has(root)) return;
		const componentStart = time;
		// Each frame: the node, its parent, and its neighbours still to visit.
		const stack: { node: string; parent: string | null; rest: string[] }[] = [];
		const enter = (node: string, parent: string | null) => {
			discovered.set(node, time);
			low.set(node, time);
			subtree.set(node, 1);
			time += 1;
			stack.push({ node, parent, rest: graph.neighbors(node) });
		};
		enter(root, null);
		const bridgesStart = bridges.length;
		const rootChildren: number[] = [];
		const inComponent: string[] = [];

		while (stack.length > 0) {
			const frame = stack[stack.length - 1]!;
			const next = frame.rest.pop();
			if (next !== undefined) {
				if (!discovered.has(next)) enter(next, frame.node);
				else if (next !== frame.parent)
					low.set(frame.node, Math.min(low.get(frame.node)!, discovered.get(next)!));
				continue;
			}
			stack.pop();
			const { node: child, parent } = frame;
			if (parent === null) continue;
			const childSize = subtree.get(child)!;
			subtree.set(parent, subtree.get(parent)! + childSize);
			low.set(parent, Math.min(low.get(parent)!, low.get(child)!));
			if (low.get(child)! > discovered.get(parent)!)
				bridges.push({ source: parent, target: child, smallerSide: childSize });
			if (parent === root) rootChildren.push(childSize);
			else if (low.get(child)! >= discovered.get(parent)!) {
				partsBelow.set(parent, [...(partsBelow.get(parent) ?? []), childSize]);
				inComponent.push(parent);
			}
		}

		const componentSize = time - componentStart;
		// What a cut point leaves: the parts below it and the part above; the largest is "the rest".
		for (const node of new Set(inComponent)) {
			const below = partsBelow.get(node)!;
			const above = componentSize - 1 - below.reduce((sum, size) => sum + size, 0);
			cutOff.set(node, largestDropped([...below, above]));
		}
		// The root splits its component only when the search left it more than once.
		if (rootChildren.length > 1) cutOff.set(root, largestDropped(rootChildren));
		for (let i = bridgesStart; i < bridges.length; i++) {
			const bridge = bridges[i]!;
			bridge.smallerSide = Math.min(bridge.smallerSide, componentSize - bridge.smallerSide);
		}
	});

	const cutPoints = [...cutOff].map(([node, parts]) => ({ node, cutOff: parts }));
	return { cutPoints, bridges };
}

function largestDropped(parts: number[]): number[] {
	return parts
		.filter((size) => size > 0)
		.sort((a, b) => b - a)
		.slice(1);
}
