import type { PGlite } from '@electric-sql/pglite';
import { LeaderChangedError, type PGliteWorker } from '@electric-sql/pglite/worker';
import { requestClaimsParams, setRequestClaimsSql, type RequestClaims } from './request-claims';

/**
 * One backend call, one message to the tab whose worker runs the database.
 *
 * PGlite's worker client runs a query as a dozen small messages (parse, bind,
 * describe, execute, sync, lock, unlock, blobs), each a round trip through the
 * page's main thread, which is busy drawing the map; a transaction of two
 * queries took 0.3-1.2 s here while the SQL in it took 40 ms. Sent as one
 * request, the leader runs the whole transaction itself and answers once.
 * PGlite's worker still elects the leader and serves its own API beside this.
 *
 * A tab need not wait for PGlite's own client to be ready either: that client
 * first runs a query of its own (the array types) through those dozen round
 * trips, 1-1.4 s on a first visit here while the map loads. The leader says
 * when it serves calls instead, and a tab's first call goes out then.
 */

const requestChannel = 'buurtatlas-database-calls';
const answerChannel = (tab: string) => `buurtatlas-database-answers:${tab}`;
/** The leader announces here that it serves calls, and answers a tab that asks. */
const servingChannel = 'buurtatlas-database-serving';
type ServingMessage = 'who-serves' | 'serving';

export interface CallRequest {
	id: string;
	tab: string;
	claims: RequestClaims;
	sql: string;
	params: unknown[];
	returns: 'scalar' | 'set';
	/** Answered only once the change is in IndexedDB. */
	writes: boolean;
}

/** What a database error carries across: enough for `refusalOf` to name a refusal. */
export interface CallError {
	message: string;
	code?: string;
	detail?: string;
	hint?: string;
}

export type CallAnswer =
	{ id: string; ok: true; result: unknown } | { id: string; ok: false; error: CallError };

/** How long no call may be waiting before the first calls count as answered. */
const settleMs = 300;

/**
 * In the leader's worker: answers every tab's calls from the database itself.
 * `onSettled` is told once, when the first calls have been answered and none
 * has waited for a moment since. Returns how to stop (the worker never does;
 * tests do).
 */
export function serveCalls(
	db: PGlite,
	durableSync: () => Promise<void>,
	{ onSettled }: { onSettled?: () => void } = {}
): () => void {
	const answers = new Map<string, BroadcastChannel>();
	const requests = new BroadcastChannel(requestChannel);
	const serving = new BroadcastChannel(servingChannel);
	let stopped = false;
	let waiting = 0;
	let settling: ReturnType<typeof setTimeout> | undefined;
	const settleLater = () => {
		if (!onSettled || waiting > 0) return;
		settling = setTimeout(() => {
			onSettled?.();
			onSettled = undefined;
		}, settleMs);
	};
	serving.onmessage = ({ data }: MessageEvent<ServingMessage>) => {
		if (data === 'who-serves') serving.postMessage('serving' satisfies ServingMessage);
	};
	requests.onmessage = async ({ data: request }: MessageEvent<CallRequest>) => {
		waiting += 1;
		clearTimeout(settling);
		let answer: CallAnswer;
		try {
			const result = await db.transaction(async (tx) => {
				await tx.query(setRequestClaimsSql, requestClaimsParams(request.claims));
				const { rows } = await tx.query<{ result: unknown }>(request.sql, request.params);
				return request.returns === 'set' ? rows : rows[0]?.result;
			});
			if (request.writes) await durableSync();
			answer = { id: request.id, ok: true, result };
		} catch (error) {
			answer = { id: request.id, ok: false, error: callError(error) };
		}
		waiting -= 1;
		// A call that finishes after stopping has no one left to answer.
		if (stopped) return;
		settleLater();
		let channel = answers.get(request.tab);
		if (!channel) {
			channel = new BroadcastChannel(answerChannel(request.tab));
			answers.set(request.tab, channel);
		}
		channel.postMessage(answer);
	};
	serving.postMessage('serving' satisfies ServingMessage);
	return () => {
		stopped = true;
		clearTimeout(settling);
		requests.close();
		serving.close();
		for (const channel of answers.values()) channel.close();
	};
}

function callError(error: unknown): CallError {
	const { message, code, detail, hint } = error as Partial<Record<keyof CallError, unknown>>;
	const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
	return {
		message: text(message) ?? String(error),
		code: text(code),
		detail: text(detail),
		hint: text(hint)
	};
}

/** An error from the leader, with the SQLSTATE and details Postgres gave. */
export class DatabaseCallError extends Error {
	readonly code?: string;
	readonly detail?: string;
	readonly hint?: string;
	constructor(error: CallError) {
		super(error.message);
		this.name = 'DatabaseCallError';
		this.code = error.code;
		this.detail = error.detail;
		this.hint = error.hint;
	}
}

/**
 * An argument as plain data. What a form holds is often a reactive proxy, which
 * a channel cannot copy; every argument is JSON-shaped (text, numbers, arrays,
 * objects), as it is when it travels to hosted Supabase.
 */
function plain(value: unknown): unknown {
	return value !== null && typeof value === 'object'
		? (JSON.parse(JSON.stringify(value)) as unknown)
		: value;
}

/**
 * In every tab: sends calls to whichever tab leads. A call under way when the
 * leader changes is rejected with PGlite's LeaderChangedError, as PGlite's own
 * calls are; the backend decides whether to ask again.
 */
export function createCaller(database: Pick<PGliteWorker, 'waitReady' | 'onLeaderChange'>) {
	const tab = crypto.randomUUID();
	const requests = new BroadcastChannel(requestChannel);
	const answers = new BroadcastChannel(answerChannel(tab));
	const pending = new Map<string, { resolve(value: unknown): void; reject(error: Error): void }>();
	answers.onmessage = ({ data: answer }: MessageEvent<CallAnswer>) => {
		const waiting = pending.get(answer.id);
		if (!waiting) return;
		pending.delete(answer.id);
		if (answer.ok) waiting.resolve(answer.result);
		else waiting.reject(new DatabaseCallError(answer.error));
	};
	database.onLeaderChange(() => {
		for (const waiting of pending.values()) waiting.reject(new LeaderChangedError());
		pending.clear();
	});
	// Whichever comes first: the leader's word, or PGlite's client being ready.
	const serving = new BroadcastChannel(servingChannel);
	const served = new Promise<void>((resolve) => {
		serving.onmessage = ({ data }: MessageEvent<ServingMessage>) => {
			if (data !== 'serving') return;
			serving.close();
			resolve();
		};
	});
	serving.postMessage('who-serves' satisfies ServingMessage);
	const ready = Promise.race([database.waitReady, served]);
	const call = async (what: Omit<CallRequest, 'id' | 'tab'>): Promise<unknown> => {
		await ready;
		const id = crypto.randomUUID();
		const request: CallRequest = { ...what, params: what.params.map(plain), id, tab };
		return new Promise((resolve, reject) => {
			pending.set(id, { resolve, reject });
			requests.postMessage(request);
		});
	};
	/** Stops listening (a tab never does; tests do). */
	const close = () => {
		requests.close();
		answers.close();
		serving.close();
	};
	return { call, close };
}
