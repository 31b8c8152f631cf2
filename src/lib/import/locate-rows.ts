/**
 * Places for the rows that have an address or postcode and no point, looked
 * up in PDOK Locatieserver a few at a time (kind to a free public service, and
 * fast enough: 400 rows take about a minute at four at a time). Each row gets
 * its own result; a row that cannot be placed does not stop the others, and a
 * service that cannot be reached is reported per row, so the user can retry.
 */
import { GeocoderError, type Geocoder, type Place } from '$lib/places/pdok-geocoder';

export type LocateResult =
	| { row: number; outcome: 'found'; place: Place }
	| { row: number; outcome: 'not_found' | 'unreachable' | 'failed' };

export interface LocateOptions {
	concurrency?: number;
	signal?: AbortSignal;
	onResult?: (result: LocateResult, done: number, total: number) => void;
}

export async function locateRows(
	geocoder: Pick<Geocoder, 'locate'>,
	queries: readonly { row: number; query: string }[],
	{ concurrency = 4, signal, onResult }: LocateOptions = {}
): Promise<LocateResult[]> {
	const results: LocateResult[] = [];
	let next = 0;
	async function worker() {
		while (next < queries.length) {
			if (signal?.aborted) return;
			const { row, query } = queries[next++]!;
			let result: LocateResult;
			try {
				result = { row, outcome: 'found', place: await geocoder.locate(query, signal) };
			} catch (error) {
				if (signal?.aborted) return;
				result = {
					row,
					outcome: error instanceof GeocoderError ? error.reason : 'failed'
				};
			}
			results.push(result);
			onResult?.(result, results.length, queries.length);
		}
	}
	await Promise.all(Array.from({ length: Math.min(concurrency, queries.length) }, worker));
	return results;
}
