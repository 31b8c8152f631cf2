import { describe, expect, it } from 'vitest';
import { drawCaption } from './picture-caption';
import { ownDirection } from '$lib/i18n/direction';

/** A 2D context that measures 7 px per character and remembers what was written where. */
function recordingContext() {
	const texts: { text: string; x: number; direction: string; align: string }[] = [];
	const arcs: number[] = [];
	const context = {
		font: '',
		fillStyle: '',
		textBaseline: '',
		textAlign: 'start',
		direction: 'inherit',
		measureText: (text: string) => ({ width: text.length * 7 }),
		fillRect() {},
		beginPath() {},
		fill() {},
		arc: (x: number) => arcs.push(x),
		fillText(text: string, x: number) {
			texts.push({ text, x, direction: context.direction, align: context.textAlign });
		}
	};
	return { context: context as unknown as CanvasRenderingContext2D, texts, arcs };
}

describe('a picture caption', () => {
	const caption = {
		lines: ['Netwerk van Nieuw-West', 'Bron: Buurtatlas'],
		legend: [{ label: 'Bewoners', colour: '#d9480f' }, { label: 'Groter: meer samenwerkingen' }],
		scale: 2
	};

	it('starts its lines and legend at the left in a left-to-right language', () => {
		const { context, texts, arcs } = recordingContext();
		drawCaption(context, caption, 600, 0, true);
		expect(texts.map((t) => t.x)).toEqual([16, 16, 34, 16]);
		expect(arcs).toEqual([22]);
		expect(texts.every((t) => t.direction === 'ltr' && t.align === 'start')).toBe(true);
	});

	it('starts them at the right, mirrored, in Arabic', () => {
		const { context, texts, arcs } = recordingContext();
		drawCaption(context, { ...caption, direction: 'rtl' }, 600, 0, true);
		expect(texts.map((t) => t.x)).toEqual([584, 584, 566, 584]);
		expect(arcs).toEqual([578]);
		expect(texts.every((t) => t.direction === 'rtl' && t.align === 'start')).toBe(true);
	});
});

describe('ownDirection', () => {
	it('follows a name’s first letter, as dir="auto" does', () => {
		expect(ownDirection('Wij Zijn Plein ’40-’45')).toBe('ltr');
		expect(ownDirection('!WOON')).toBe('ltr');
		expect(ownDirection('مسجد الفتح')).toBe('rtl');
		expect(ownDirection('’40 مسجد')).toBe('rtl');
		expect(ownDirection('2024')).toBe('ltr');
	});
});
