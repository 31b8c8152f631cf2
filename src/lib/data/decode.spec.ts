import { describe, expect, it } from 'vitest';
import {
	atlasCollaborationFields,
	atlasOrganisationFields,
	decodeAtlas,
	decodeOrganisationDetail,
	decodeSearchHits
} from './decode';
import { BackendError } from './errors';

const organisationFields = [...atlasOrganisationFields];
const collaborationFields = [...atlasCollaborationFields];

describe('decodeAtlas', () => {
	it('turns positional rows into organisations and collaborations', () => {
		const atlas = decodeAtlas({
			organisation_fields: organisationFields,
			organisations: [
				[
					'a',
					'taalcafe',
					'Taalcafé',
					'resident_initiative',
					4.8,
					52.38,
					'WK036378',
					['taal-inburgering'],
					true,
					true,
					['nl', 'ar']
				],
				['b', 'stadsdeel', 'Stadsdeel', 'municipality', 4.8, 52.36, null, [], false, false, ['nl']]
			],
			collaboration_fields: collaborationFields,
			collaborations: [['c', 'b', 'a', 'funding', 'active', '2019-01-01', null]]
		});
		expect(atlas.organisations[0]).toEqual({
			id: 'a',
			slug: 'taalcafe',
			name: 'Taalcafé',
			kind: 'resident_initiative',
			lng: 4.8,
			lat: 52.38,
			areaId: 'WK036378',
			themes: ['taal-inburgering'],
			openToNewcomers: true,
			illustrative: true,
			languages: ['nl', 'ar']
		});
		expect(atlas.collaborations).toEqual([
			{
				id: 'c',
				source: 'b',
				target: 'a',
				kind: 'funding',
				status: 'active',
				startedOn: '2019-01-01',
				endedOn: null
			}
		]);
	});

	it('refuses columns in another order, which would put names where kinds belong', () => {
		const swapped = [...organisationFields];
		[swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
		const decode = () =>
			decodeAtlas({
				organisation_fields: swapped,
				organisations: [],
				collaboration_fields: collaborationFields,
				collaborations: []
			});
		expect(decode).toThrow(BackendError);
		expect(decode).toThrow(/organisation_fields/);
	});

	it('refuses an unknown kind with a message that says where', () => {
		try {
			decodeAtlas({
				organisation_fields: organisationFields,
				organisations: [['a', 's', 'N', 'spaceship', 4.8, 52.3, null, [], false, false]],
				collaboration_fields: collaborationFields,
				collaborations: []
			});
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(BackendError);
			expect((error as BackendError).code).toBe('incompatible');
			expect((error as BackendError).message).toMatch(/organisations\.0\.3/);
		}
	});
});

describe('decodeOrganisationDetail', () => {
	it('reads null as "not found or not visible"', () => {
		expect(decodeOrganisationDetail(null)).toBeNull();
	});
});

describe('decodeSearchHits', () => {
	it('accepts rows without a location', () => {
		expect(
			decodeSearchHits([
				{
					id: 'a',
					slug: 's',
					name: 'N',
					kind: 'other',
					lng: null,
					lat: null,
					score: 1.5,
					illustrative: true
				}
			])
		).toEqual([
			{
				id: 'a',
				slug: 's',
				name: 'N',
				kind: 'other',
				lng: null,
				lat: null,
				score: 1.5,
				illustrative: true
			}
		]);
	});
});
