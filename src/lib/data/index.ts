/**
 * The data port: which backend the app runs on, chosen once. Hosted Supabase
 * when PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY are set, else the
 * embedded database in the browser. Each adapter is loaded only when chosen,
 * so neither supabase-js nor PGlite weighs on the first screen.
 */
import { env } from '$env/dynamic/public';
import { embeddedLocation, hostedLocation, type Backend, type BackendInfo } from './backend';
import { decodeAtlas, decodeMapView, decodeReferenceData } from './decode';
import type { EarlyAnswers } from './types';

export type { Backend, BackendInfo, BackendKind } from './backend';
export { BackendError, type BackendErrorCode } from './errors';
export type * from './types';
export type * from './editing-types';
export type { AuthPort, Session, SignInMethod } from './auth';

let connecting: Promise<Backend> | undefined;

/** Which backend the app is configured for, known before it has started. */
export function configuredBackend(): BackendInfo {
	const url = env.PUBLIC_SUPABASE_URL;
	return url && env.PUBLIC_SUPABASE_ANON_KEY
		? { kind: 'hosted', location: hostedLocation(url) }
		: { kind: 'embedded', location: embeddedLocation };
}

/** The backend, started on first use. A failed start is retried on the next call. */
export function connect(): Promise<Backend> {
	connecting ??= open().catch((error: unknown) => {
		connecting = undefined;
		throw error;
	});
	return connecting;
}

async function open(): Promise<Backend> {
	const url = env.PUBLIC_SUPABASE_URL;
	const anonKey = env.PUBLIC_SUPABASE_ANON_KEY;
	if (url && anonKey) {
		const { createHostedBackend } = await import('./hosted/supabase-backend');
		return createHostedBackend({ url, anonKey });
	}
	const { createEmbeddedBackend } = await import('./embedded/embedded-backend');
	return createEmbeddedBackend();
}

/**
 * Answers to show before the backend is ready, when the port knows them for
 * certain: a new embedded database's own seeded answers (the reference data,
 * the opening view of the map, and the atlas when it is small). Null otherwise.
 * Asked once per page; the route asks early, so the answers download before
 * the map's code does.
 */
export function firstPaint(): Promise<EarlyAnswers | null> {
	seeded ??= seededAnswers().catch(() => null);
	return seeded;
}
let seeded: Promise<EarlyAnswers | null> | undefined;

async function seededAnswers(): Promise<EarlyAnswers | null> {
	if (configuredBackend().kind !== 'embedded') return null;
	const { seededAnswers } = await import('./embedded/first-paint');
	const answers = await seededAnswers();
	if (!answers) return null;
	return {
		reference: decodeReferenceData(answers.reference_data),
		atlas: answers.atlas === null ? null : decodeAtlas(answers.atlas),
		views: answers.views.map(({ query, answer }) => ({ query, answer: decodeMapView(answer) }))
	};
}

export { onSetupStep } from './embedded/setup-progress';
export type { SetupStep } from './embedded/database-setup';
