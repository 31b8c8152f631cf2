/**
 * Copy-on-write changes to a read-only map: the import session keeps its maps
 * in $state.raw and replaces them whole, so a change is one assignment that
 * every derived value sees, and a 5,000-row map is never made deeply reactive.
 */
export function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
	const next = new Map(map);
	next.set(key, value);
	return next;
}

export function withoutEntry<K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> {
	const next = new Map(map);
	next.delete(key);
	return next;
}

export function emptyMap<K, V>(): ReadonlyMap<K, V> {
	return new Map<K, V>();
}
