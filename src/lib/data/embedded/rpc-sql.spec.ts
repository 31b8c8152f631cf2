import { describe, expect, it } from 'vitest';
import { rpcSql } from './rpc-sql';

describe('rpcSql', () => {
	it('calls a jsonb function with named, bound arguments', () => {
		expect(rpcSql('atlas', { west: 4.7, theme_ids: ['wonen'], kind_ids: null })).toEqual({
			sql: 'select public.atlas(west => $1, theme_ids => $2, kind_ids => $3) as result',
			params: [4.7, ['wonen'], null],
			returns: 'scalar'
		});
	});

	it('selects the rows of a set-returning function', () => {
		const { sql, returns } = rpcSql('search_organisations', { query: 'plein', max_results: 5 });
		expect(sql).toBe('select * from public.search_organisations(query => $1, max_results => $2)');
		expect(returns).toBe('set');
	});

	it('leaves out undefined arguments so the function default applies', () => {
		expect(rpcSql('search_organisations', { query: 'x', max_results: undefined }).params).toEqual([
			'x'
		]);
	});

	it('refuses an argument the function does not have, rather than building SQL from it', () => {
		const sneaky = { 'query => $1); drop table organisations; --': 'x' } as never;
		expect(() => rpcSql('search_organisations', sneaky)).toThrow(/has no argument/);
	});
});
