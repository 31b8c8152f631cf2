import { describe, expect, it } from 'vitest';
import { nextNode, partnersOf } from './network-keyboard';

// 0 in the middle; 1 right of it, 2 far right, 3 above, 4 below-right (a partner), 5 far left.
const positions = Float32Array.from([0, 0, 10, 1, 30, 0, 0, -10, 20, 8, -40, 0]);

describe('nextNode', () => {
	it('goes to the nearest node in the direction when no partner lies that way', () => {
		expect(nextNode(positions, 0, 'right', [])).toBe(1);
		expect(nextNode(positions, 0, 'up', [])).toBe(3);
		expect(nextNode(positions, 0, 'left', [])).toBe(5);
	});

	it('prefers a partner in that direction over a nearer stranger', () => {
		expect(nextNode(positions, 0, 'right', [4])).toBe(4);
	});

	it('does not follow a partner that lies the other way', () => {
		expect(nextNode(positions, 0, 'left', [4])).toBe(5);
	});

	it('stays where it is when nothing lies that way', () => {
		expect(nextNode(positions, 2, 'right', [])).toBe(2);
		expect(nextNode(Float32Array.from([5, 5]), 0, 'down', [])).toBe(0);
	});

	it('keeps to a cone: a node far to the side is not "right"', () => {
		const wide = Float32Array.from([0, 0, 2, 30]);
		expect(nextNode(wide, 0, 'right', [1])).toBe(0);
		expect(nextNode(wide, 0, 'down', [1])).toBe(1);
	});
});

describe('partnersOf', () => {
	it('lists both ends of each tie', () => {
		expect(
			partnersOf(3, [
				{ source: 0, target: 1 },
				{ source: 2, target: 0 }
			])
		).toEqual([[1, 2], [0], [0]]);
	});
});
