import { rpcFunctions, type RpcArgs, type RpcName } from '../backend';

/**
 * The SQL that calls one of the app's read functions with named arguments, as
 * PostgREST's /rpc endpoint does. Names come from `rpcFunctions` only; values
 * are always bound as parameters.
 */
export function rpcSql<N extends RpcName>(
	name: N,
	args: RpcArgs<N>
): { sql: string; params: unknown[]; returns: 'scalar' | 'set' } {
	const spec = rpcFunctions[name];
	const known: readonly string[] = spec.args;
	const given = Object.entries(args).filter(([, value]) => value !== undefined);
	for (const [arg] of given) {
		if (!known.includes(arg)) throw new Error(`${name}() has no argument ${arg}`);
	}
	const call = `public.${name}(${given.map(([arg], i) => `${arg} => $${i + 1}`).join(', ')})`;
	return {
		sql: spec.returns === 'set' ? `select * from ${call}` : `select ${call} as result`,
		params: given.map(([, value]) => value),
		returns: spec.returns
	};
}
