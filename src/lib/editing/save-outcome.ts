import { BackendError, type BackendKind, type OrganisationFields } from '$lib/data';
import { describeError } from '$lib/app/describe-error';
import { constraintFields, type FieldProblems } from './organisation-rules';

/**
 * A new organisation's fields before anything is typed; its texts are taken
 * to be in the language the editor uses the atlas in, until they say otherwise.
 */
export function emptyOrganisation(textLanguage = 'nl'): OrganisationFields {
	return {
		name: '',
		kind: 'resident_initiative',
		description: '',
		textLanguage,
		lng: null,
		lat: null,
		locationPrecision: 'address',
		address: null,
		postcode: null,
		city: null,
		areaId: null,
		website: null,
		email: null,
		phone: null,
		openToNewcomers: false,
		helpWanted: [],
		languages: ['nl'],
		meetingTimes: null,
		meetingPlace: null,
		joinNextStep: null,
		startedOn: null,
		startedPrecision: null,
		endedOn: null,
		endedPrecision: null,
		themes: [],
		meetingSlots: []
	};
}

/**
 * A failed save, for the form: a message above it, and, when the database named
 * the constraint that refused, the same message on that field.
 */
export function refusalProblems(
	error: unknown,
	backend: BackendKind
): { notice: string; refused: FieldProblems; stale: boolean } {
	const notice = describeError(error, backend);
	const refusal = error instanceof BackendError ? error.refusal : null;
	const field = refusal?.constraint ? constraintFields[refusal.constraint] : undefined;
	return {
		notice,
		refused: field ? { [field]: notice } : {},
		stale: refusal?.reason === 'stale_version'
	};
}
