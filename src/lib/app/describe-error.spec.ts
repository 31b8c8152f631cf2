import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { raisedReasons } from '$lib/data/errors';
import { refusalMessage } from './describe-error';

/** Refusals that are, to the person, simply "not with this account". */
const permissionReasons = new Set([
	'not_allowed',
	'collaboration_transition',
	'suggestion_transition',
	'audit_log_is_append_only'
]);

describe('refusalMessage', () => {
	it.each(raisedReasons.filter((reason) => !permissionReasons.has(reason)))(
		'says what %s means, not only that it is not allowed',
		(reason) => {
			const message = refusalMessage({ reason, constraint: null });
			expect(message).not.toBe(m.refused_not_allowed());
			expect(message.length).toBeGreaterThan(10);
		}
	);

	it.each([...permissionReasons])('says %s is not allowed with this account', (reason) => {
		expect(refusalMessage({ reason, constraint: null })).toBe(m.refused_not_allowed());
	});

	it('names a collaboration that already exists', () => {
		expect(
			refusalMessage({ reason: 'invalid', constraint: 'collaborations_once_per_kind_idx' })
		).toBe(m.refused_collaboration_exists());
	});
});
