import { describe, expect, it } from 'vitest';
import { addressParts } from './address-parts';

describe('addressParts', () => {
	it('splits a full PDOK address into street, postcode (as stored) and town', () => {
		expect(addressParts('Osdorpplein 1, 1068EL Amsterdam')).toEqual({
			street: 'Osdorpplein 1',
			postcode: '1068 EL',
			city: 'Amsterdam'
		});
	});

	it('reads a postcode on its own, with or without a town', () => {
		expect(addressParts('1068EL Amsterdam')).toEqual({ postcode: '1068 EL', city: 'Amsterdam' });
		expect(addressParts('1068 EL')).toEqual({ postcode: '1068 EL' });
	});

	it('reads a street and town without postcode, and leaves a bare town alone', () => {
		expect(addressParts('Pieter Calandlaan, Amsterdam')).toEqual({
			street: 'Pieter Calandlaan',
			city: 'Amsterdam'
		});
		expect(addressParts('Amsterdam')).toEqual({});
	});
});
