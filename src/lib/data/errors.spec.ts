import { describe, expect, it } from 'vitest';
import { refusalOf } from './errors';

describe('refusalOf', () => {
	it('names the reason the editing functions raise', () => {
		expect(refusalOf({ code: 'PT409', message: 'stale_version' })).toEqual({
			reason: 'stale_version',
			constraint: null
		});
		// PGlite's worker hands over the message only.
		expect(refusalOf({ message: 'error: publish_requires_coordinator' })?.reason).toBe(
			'publish_requires_coordinator'
		);
	});

	it('names the constraint a value broke, with or without a SQLSTATE', () => {
		const message =
			'new row for relation "organisations" violates check constraint "organisations_website_check"';
		const expected = { reason: 'invalid', constraint: 'organisations_website_check' };
		expect(refusalOf({ code: '23514', message })).toEqual(expected);
		expect(refusalOf({ message: `error: ${message}` })).toEqual(expected);
	});

	it('reads row-level security and missing privileges as not allowed', () => {
		expect(
			refusalOf({ message: 'new row violates row-level security policy for table "x"' })
		).toEqual({ reason: 'not_allowed', constraint: null });
		expect(
			refusalOf({ code: '42501', message: 'permission denied for table audit_log' })?.reason
		).toBe('not_allowed');
	});

	it('leaves other failures alone', () => {
		expect(refusalOf({ code: '08006', message: 'connection failure' })).toBeNull();
		expect(refusalOf({ message: 'Failed to fetch' })).toBeNull();
	});
});
