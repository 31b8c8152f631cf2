import { describe, expect, it } from 'vitest';
import { MapCommands } from './map-commands.svelte';

describe('MapCommands', () => {
	it('asks the map to show bounds, and a repeat of the same bounds is a new request', () => {
		const commands = new MapCommands();
		expect(commands.fitRequest).toBeNull();
		commands.fit([4.7, 52.3, 4.9, 52.4]);
		const first = commands.fitRequest;
		expect(first?.bounds).toEqual([4.7, 52.3, 4.9, 52.4]);
		commands.fit([4.7, 52.3, 4.9, 52.4]);
		expect(commands.fitRequest?.seq).toBe(first!.seq + 1);
		// Nothing to show is no request: the map stays where it is.
		commands.fit(null);
		commands.show([]);
		expect(commands.fitRequest?.seq).toBe(first!.seq + 1);
	});

	it('shows organisations by the bounds around them', () => {
		const commands = new MapCommands();
		commands.show([
			{ lng: 4.8, lat: 52.36 },
			{ lng: 4.85, lat: 52.38 }
		]);
		const [west, south, east, north] = commands.fitRequest!.bounds;
		expect(west).toBeLessThanOrEqual(4.8);
		expect(east).toBeGreaterThanOrEqual(4.85);
		expect(south).toBeLessThanOrEqual(52.36);
		expect(north).toBeGreaterThanOrEqual(52.38);
	});

	it('gives the next click to the form that asked for it, once', () => {
		const commands = new MapCommands();
		const chosen: { lng: number; lat: number }[] = [];
		commands.requestPoint((point) => chosen.push(point));
		expect(commands.picking).toBe(true);
		expect(commands.takePoint({ lng: 4.8, lat: 52.36 })).toBe(true);
		expect(chosen).toEqual([{ lng: 4.8, lat: 52.36 }]);
		expect(commands.picking).toBe(false);
		// Nobody asked for this one: it is "near me"'s to take.
		expect(commands.takePoint({ lng: 4.9, lat: 52.37 })).toBe(false);
		expect(chosen).toHaveLength(1);
	});

	it('forgets the form that asked when picking is called off', () => {
		const commands = new MapCommands();
		const chosen: unknown[] = [];
		commands.requestPoint((point) => chosen.push(point));
		commands.setPicking(false);
		expect(commands.takePoint({ lng: 4.8, lat: 52.36 })).toBe(false);
		expect(chosen).toEqual([]);
	});

	it('keeps the draft point and the coverage a coordinator chose until they are cleared', () => {
		const commands = new MapCommands();
		commands.setDraftPoint({ lng: 4.8, lat: 52.36 });
		commands.showCoverage(new Map([['osdorp', 2]]));
		expect(commands.draftPoint).toEqual({ lng: 4.8, lat: 52.36 });
		expect(commands.coverage?.get('osdorp')).toBe(2);
		commands.setDraftPoint(null);
		commands.showCoverage(null);
		expect(commands.draftPoint).toBeNull();
		expect(commands.coverage).toBeNull();
	});
});
