/**
 * Generates src/lib/data/hosted/database.types.ts from the migrated schema, in
 * the shape `supabase gen types typescript` produces, so supabase-js is typed
 * by the same migrations it runs against. (There is no Supabase CLI here.)
 */
import type { Query } from './harness';

interface Column {
	table_name: string;
	column_name: string;
	udt_name: string;
	is_nullable: 'YES' | 'NO';
	has_default: boolean;
	is_generated: boolean;
}

interface FunctionArg {
	function_name: string;
	arg_name: string;
	arg_type: string;
	has_default: boolean;
	position: number;
}

interface FunctionInfo {
	function_name: string;
	returns_set: boolean;
	return_type: string;
	table_columns: { name: string; type: string }[] | null;
}

const scalar: Record<string, string> = {
	text: 'string',
	varchar: 'string',
	uuid: 'string',
	date: 'string',
	timestamptz: 'string',
	timestamp: 'string',
	int2: 'number',
	int4: 'number',
	int8: 'number',
	float4: 'number',
	float8: 'number',
	numeric: 'number',
	bool: 'boolean',
	json: 'Json',
	jsonb: 'Json'
};

function tsType(udt: string): string {
	if (udt.startsWith('_')) return `${tsType(udt.slice(1))}[]`;
	const type = scalar[udt];
	if (!type) throw new Error(`No TypeScript type for Postgres type ${udt}`);
	return type;
}

export async function generateDatabaseTypes(query: Query): Promise<string> {
	const columns = await query<Column>(`
		select c.table_name, c.column_name, c.udt_name, c.is_nullable,
		       c.column_default is not null as has_default,
		       c.is_generated = 'ALWAYS' as is_generated
		from information_schema.columns c
		join information_schema.tables t
		  on t.table_schema = c.table_schema and t.table_name = c.table_name
		where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
		order by c.table_name, c.column_name`);

	const args = await query<FunctionArg>(`
		select p.proname as function_name, a.name as arg_name, format_type(a.type, null) as arg_type,
		       a.position > p.pronargs - p.pronargdefaults as has_default, a.position::int as position
		from pg_proc p
		join pg_namespace n on n.oid = p.pronamespace
		cross join lateral unnest(p.proargnames[1:p.pronargs], p.proargtypes::oid[])
		  with ordinality as a (name, type, position)
		where n.nspname = 'public'
		order by p.proname, a.name`);

	const functions = await query<FunctionInfo>(`
		select p.proname as function_name, p.proretset as returns_set,
		       t.typname as return_type,
		       (select json_agg(json_build_object('name', o.name, 'type', ty.typname) order by o.name)
		          from unnest(p.proargnames, p.proallargtypes::oid[], p.proargmodes::text[]) as o (name, type, mode)
		          join pg_type ty on ty.oid = o.type
		         where o.mode = 't') as table_columns
		from pg_proc p
		join pg_namespace n on n.oid = p.pronamespace
		join pg_type t on t.oid = p.prorettype
		where n.nspname = 'public'
		order by p.proname`);

	const tables = new Map<string, Column[]>();
	for (const column of columns) {
		tables.set(column.table_name, [...(tables.get(column.table_name) ?? []), column]);
	}

	const lines: string[] = [
		'// Generated from supabase/migrations by `npm run db:types`. Do not edit by hand:',
		'// a database test fails when this file and the migrations disagree.',
		'',
		'export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];',
		'',
		'export type Database = {',
		'\tpublic: {',
		'\t\tTables: {'
	];
	for (const [table, cols] of tables) {
		lines.push(`\t\t\t${table}: {`);
		lines.push('\t\t\t\tRow: {');
		for (const c of cols) {
			lines.push(
				`\t\t\t\t\t${c.column_name}: ${tsType(c.udt_name)}${c.is_nullable === 'YES' ? ' | null' : ''};`
			);
		}
		lines.push('\t\t\t\t};');
		for (const mode of ['Insert', 'Update'] as const) {
			lines.push(`\t\t\t\t${mode}: {`);
			for (const c of cols) {
				if (c.is_generated) {
					lines.push(`\t\t\t\t\t${c.column_name}?: never;`);
					continue;
				}
				const optional = mode === 'Update' || c.has_default || c.is_nullable === 'YES';
				lines.push(
					`\t\t\t\t\t${c.column_name}${optional ? '?' : ''}: ${tsType(c.udt_name)}${c.is_nullable === 'YES' ? ' | null' : ''};`
				);
			}
			lines.push('\t\t\t\t};');
		}
		lines.push('\t\t\t\tRelationships: [];');
		lines.push('\t\t\t};');
	}
	lines.push('\t\t};');
	lines.push('\t\tViews: { [_ in never]: never };');
	lines.push('\t\tFunctions: {');
	for (const fn of functions) {
		const fnArgs = args.filter((a) => a.function_name === fn.function_name);
		const argType =
			fnArgs.length === 0
				? 'Record<PropertyKey, never>'
				: `{ ${fnArgs
						.map((a) => `${a.arg_name}${a.has_default ? '?' : ''}: ${pgTypeToTs(a.arg_type)}`)
						.join('; ')} }`;
		const returns = fn.table_columns
			? `{ ${fn.table_columns.map((c) => `${c.name}: ${tsType(c.type)}`).join('; ')} }[]`
			: `${tsType(fn.return_type)}${fn.returns_set ? '[]' : ''}`;
		lines.push(`\t\t\t${fn.function_name}: { Args: ${argType}; Returns: ${returns} };`);
	}
	lines.push('\t\t};');
	lines.push('\t\tEnums: { [_ in never]: never };');
	lines.push('\t\tCompositeTypes: { [_ in never]: never };');
	lines.push('\t};');
	lines.push('};');
	lines.push('');
	return lines.join('\n');
}

/** format_type() names, as used for function arguments. */
function pgTypeToTs(formatted: string): string {
	const names: Record<string, string> = {
		text: 'string',
		'text[]': 'string[]',
		'uuid[]': 'string[]',
		uuid: 'string',
		integer: 'number',
		// Transaction ids stay below 2^53 for the life of any project.
		bigint: 'number',
		'double precision': 'number',
		boolean: 'boolean',
		jsonb: 'Json',
		// PostgREST takes and answers a date as ISO text: 2021-12-31.
		date: 'string'
	};
	const type = names[formatted];
	if (!type) throw new Error(`No TypeScript type for argument type ${formatted}`);
	return type;
}
