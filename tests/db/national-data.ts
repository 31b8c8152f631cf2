/**
 * A synthetic national data set, for the read-plan tests (a few thousand
 * organisations) and `npm run bench:scale` (50,000): organisations spread over
 * forty Dutch towns by size, with areas that have parents (town, wijk, buurt),
 * a realistic mix of kinds and statuses, themes, meeting times, ties mostly
 * within a town, users with memberships, and coordinators per town and wijk.
 *
 * Deterministic: setseed() fixes random(), so the same size gives the same
 * data on PGlite and on PostgreSQL. Run as the owner, after the migrations;
 * the seed's own data may be there too.
 */

export interface NationalSize {
	organisations: number;
	collaborations: number;
	users: number;
	memberships: number;
}

export const nationalScale: NationalSize = {
	organisations: 50_000,
	collaborations: 200_000,
	users: 20_000,
	memberships: 45_000
};

/** Scaled down in proportion, for tests. */
export function scaled(organisations: number): NationalSize {
	const f = organisations / nationalScale.organisations;
	return {
		organisations,
		collaborations: Math.round(nationalScale.collaborations * f),
		users: Math.max(20, Math.round(nationalScale.users * f)),
		memberships: Math.round(nationalScale.memberships * f)
	};
}

/** Towns, with their centre and a weight roughly like their population (thousands). */
const towns: [name: string, lng: number, lat: number, weight: number][] = [
	['Amsterdam', 4.9, 52.37, 920],
	['Rotterdam', 4.48, 51.92, 660],
	['Den Haag', 4.3, 52.08, 560],
	['Utrecht', 5.12, 52.09, 370],
	['Eindhoven', 5.47, 51.44, 240],
	['Groningen', 6.57, 53.22, 240],
	['Tilburg', 5.09, 51.56, 225],
	['Almere', 5.22, 52.37, 220],
	['Breda', 4.78, 51.59, 185],
	['Nijmegen', 5.86, 51.84, 180],
	['Apeldoorn', 5.97, 52.21, 165],
	['Haarlem', 4.64, 52.38, 165],
	['Arnhem', 5.9, 51.98, 165],
	['Enschede', 6.89, 52.22, 160],
	['Amersfoort', 5.39, 52.16, 160],
	['Zaanstad', 4.82, 52.46, 160],
	['Den Bosch', 5.3, 51.69, 160],
	['Zwolle', 6.09, 52.51, 130],
	['Leiden', 4.49, 52.16, 125],
	['Maastricht', 5.69, 50.85, 120],
	['Dordrecht', 4.67, 51.81, 120],
	['Zoetermeer', 4.49, 52.06, 125],
	['Ede', 5.66, 52.04, 120],
	['Leeuwarden', 5.8, 53.2, 125],
	['Alkmaar', 4.75, 52.63, 110],
	['Emmen', 6.9, 52.79, 108],
	['Delft', 4.36, 52.01, 105],
	['Deventer', 6.16, 52.25, 101],
	['Venlo', 6.17, 51.37, 102],
	['Helmond', 5.66, 51.48, 93],
	['Hilversum', 5.18, 52.22, 92],
	['Heerlen', 5.98, 50.89, 87],
	['Oss', 5.52, 51.77, 93],
	['Amstelveen', 4.86, 52.3, 92],
	['Purmerend', 4.95, 52.5, 93],
	['Roosendaal', 4.47, 51.53, 78],
	['Schiedam', 4.4, 51.92, 80],
	['Lelystad', 5.47, 52.52, 80],
	['Gouda', 4.71, 52.01, 74],
	['Vlaardingen', 4.34, 51.91, 75]
];

/** Kinds and how common each is among organisations in a district. */
const kindShares: [kind: string, share: number][] = [
	['resident_initiative', 34],
	['buurtplatform', 5],
	['bewonersbedrijf', 5],
	['social_enterprise', 10],
	['entrepreneur', 5],
	['municipality', 3],
	['housing_corporation', 5],
	['welfare', 10],
	['care', 8],
	['education', 7],
	['police', 2],
	['funder', 2],
	['knowledge_institution', 1],
	['other', 3]
];

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Names as districts have them: what it is, where it is. */
const prefixes = [
	'Buurtkeuken',
	'Taalcafé',
	'Repair Café',
	'Buurthuis',
	'Huiswerkklas',
	'Moestuin',
	'Voedselbank',
	'Bewonerscommissie',
	'Speeltuinvereniging',
	'Buurtteam',
	'Wijkcentrum',
	'Klussendienst',
	'Naaiatelier',
	'Seniorenclub',
	'Jongerenwerk',
	'Vrouwencentrum',
	'Energiecoöperatie',
	'Buurtbibliotheek',
	'Sportclub',
	'Kunstwerkplaats',
	'Schuldhulp',
	'Inloophuis',
	'Fietsenwerkplaats',
	'Wijkbus',
	'Computercafé',
	'Muziekschool',
	'Kinderboerderij',
	'Theatergroep',
	'Woningcorporatie',
	'Basisschool'
];
const places = [
	'Noord',
	'Zuid',
	'Oost',
	'West',
	'Centrum',
	'Haven',
	'Park',
	'Plein',
	'Dorp',
	'Kwartier',
	'Buiten',
	'Binnenstad',
	'Veld',
	'Hof',
	'Polder',
	'Kade',
	'Markt',
	'Akker',
	'Meer',
	'Singel'
];

/** The SQL that adds the data set; one statement after another, no parameters. */
export function nationalDataSql(size: NationalSize): string {
	const townRows = towns
		.map(([name, lng, lat, weight], i) => `(${i + 1}, ${sqlText(name)}, ${lng}, ${lat}, ${weight})`)
		.join(',\n    ');
	const kindRows = kindShares.map(([kind, share]) => `(${sqlText(kind)}, ${share})`).join(', ');
	const namePrefixes = prefixes.map(sqlText).join(', ');
	const namePlaces = places.map(sqlText).join(', ');
	const prefixCount = prefixes.length;
	const placeCount = places.length;
	return `
select setseed(0.42);

create temporary table scale_towns (n int primary key, name text, lng float8, lat float8, weight float8)
  on commit drop;
insert into scale_towns values
    ${townRows};

-- Each town an area with wijken and buurten under it, named after the town.
insert into public.areas (id, level, name, parent_id, source)
select 'T' || t.n, 'stadsdeel', t.name, null, 'bench' from scale_towns t;
insert into public.areas (id, level, name, parent_id, source)
select 'T' || t.n || 'W' || w, 'wijk', t.name || ' wijk ' || w, 'T' || t.n, 'bench'
from scale_towns t, generate_series(1, greatest(3, (t.weight / 40)::int)) as w;
insert into public.areas (id, level, name, parent_id, source)
select a.id || 'B' || b, 'buurt', a.name || ' buurt ' || b, a.id, 'bench'
from public.areas a, generate_series(1, 4) as b
where a.level = 'wijk' and a.source = 'bench';

-- The buurten of each town, numbered, to pick one by a draw.
create temporary table scale_buurten on commit drop as
select (substring(a.id from 'T([0-9]+)W'))::int as town,
       row_number() over (partition by substring(a.id from 'T([0-9]+)W') order by a.id) - 1 as k,
       a.id
from public.areas a where a.level = 'buurt' and a.source = 'bench';
create index on scale_buurten (town, k);

-- Where each organisation is: a town drawn by weight, a point around its
-- centre (closer in for the bigger share), and a buurt of that town.
create temporary table scale_orgs on commit drop as
with weights as (
  select n, sum(weight) over (order by n) / sum(weight) over () as upto from scale_towns
),
kinds as (
  select kind, sum(share) over (order by kind) / sum(share) over () as upto
  from (values ${kindRows}) as k (kind, share)
),
drawn as (
  select i, random() as town_draw, random() as kind_draw, random() as r1, random() as r2,
         random() as status_draw, random() as buurt_draw
  from generate_series(1, ${size.organisations}) as i
)
select d.i,
       ('10000000-0000-4000-8000-' || lpad(to_hex(d.i), 12, '0'))::uuid as id,
       t.n as town,
       (select k.kind from kinds k where k.upto >= d.kind_draw order by k.upto limit 1) as kind,
       t.lng + (d.r1 - 0.5) * 0.12 * sqrt(d.r2 + 0.05) as lng,
       t.lat + (d.r2 - 0.5) * 0.08 * sqrt(d.r1 + 0.05) as lat,
       case when d.status_draw < 0.92 then 'published' when d.status_draw < 0.98 then 'draft' else 'archived' end as status,
       d.buurt_draw
from drawn d
join lateral (select w.n from weights w where w.upto >= d.town_draw order by w.upto limit 1) pick on true
join scale_towns t on t.n = pick.n;

-- Each organisation's place among its town's, for drawing partners nearby.
create temporary table scale_ranked on commit drop as
select o.i, o.id, o.town, row_number() over (partition by o.town order by o.i) - 1 as rank,
       count(*) over (partition by o.town) as in_town
from scale_orgs o;
create index on scale_ranked (town, rank);
create index on scale_ranked (i);

insert into public.organisations (
  id, slug, name, kind, description, status, lng, lat, area_id, open_to_newcomers, languages,
  help_wanted, is_illustrative, source
)
select o.id, 'bench-' || o.i,
       (array[${namePrefixes}])[1 + o.i % ${prefixCount}] || ' ' || t.name || '-'
         || (array[${namePlaces}])[1 + (o.i / ${prefixCount}) % ${placeCount}],
       o.kind,
       'Een organisatie in ' || t.name || ' voor de benchmark.', o.status, o.lng, o.lat,
       b.id,
       random() < 0.4,
       case when random() < 0.3 then '{nl,ar}'::text[] when random() < 0.2 then '{nl,tr}' else '{nl}' end,
       case when random() < 0.3 then '{Koken,Vervoer}'::text[] else '{}' end,
       true, 'bench'
from scale_orgs o
join scale_towns t on t.n = o.town
join scale_buurten b on b.town = o.town
  and b.k = floor(o.buurt_draw * (select count(*) from scale_buurten c where c.town = o.town));

insert into public.organisation_themes (organisation_id, theme_id)
select distinct o.id, (array['wonen', 'zorg-welzijn', 'werk-inkomen', 'jeugd-onderwijs', 'groen-duurzaamheid',
  'veiligheid', 'cultuur-ontmoeting', 'taal-inburgering', 'energie', 'zeggenschap'])[1 + floor(random() * 10)::int]
from scale_orgs o, generate_series(1, 1 + (o.i % 3));

insert into public.meeting_times (organisation_id, weekday, part_of_day)
select distinct o.id, 1 + (o.i % 7), (array['morning', 'afternoon', 'evening'])[1 + (o.i % 3)]
from scale_orgs o where o.i % 10 < 3;

-- Ties: nine in ten to one of the forty organisations after it in its town,
-- the rest to anywhere. Each partner is found by an equality, so an index
-- finds it.
create temporary table scale_ties on commit drop as
select j, 1 + floor(random() * ${size.organisations})::int as a, random() < 0.9 as near,
       random() as target_draw, random() as status_draw, random() as kind_draw
from generate_series(1, ${size.collaborations}) as j;

insert into public.collaborations (source_id, target_id, kind, status, started_on, ended_on, is_illustrative, source)
select distinct on (pair.source_id, pair.target_id, pair.kind) pair.source_id, pair.target_id, pair.kind,
       case when pair.status_draw < 0.85 then 'active' when pair.status_draw < 0.95 then 'proposed' else 'ended' end,
       date '2019-01-01' + (pair.j % 1500),
       case when pair.status_draw >= 0.95 then date '2024-06-01' end,
       true, 'bench'
from (
  select c.j, s.id as source_id, t.id as target_id, c.status_draw,
         (array['partnership', 'funding', 'shared_project', 'referral', 'shared_space'])[1 + floor(c.kind_draw * 5)::int] as kind
  from scale_ties c
  join scale_ranked s on s.i = c.a
  join scale_ranked t on t.town = s.town and t.rank = (s.rank + 1 + floor(c.target_draw * 40)::int) % s.in_town
  where c.near
  union all
  select c.j, s.id, t.id, c.status_draw,
         (array['partnership', 'funding', 'shared_project', 'referral', 'shared_space'])[1 + floor(c.kind_draw * 5)::int]
  from scale_ties c
  join scale_ranked s on s.i = c.a
  join scale_ranked t on t.i = 1 + floor(c.target_draw * ${size.organisations})::int
  where not c.near
) pair
where pair.target_id <> pair.source_id
order by pair.source_id, pair.target_id, pair.kind;

-- Users, their memberships, coordinators per town and per wijk, three admins.
insert into auth.users (id, aud, role, email, raw_user_meta_data)
select ('20000000-0000-4000-8000-' || lpad(to_hex(u), 12, '0'))::uuid, 'authenticated', 'authenticated',
       'gebruiker' || u || '@bench.buurtatlas.invalid', jsonb_build_object('display_name', 'Gebruiker ' || u)
from generate_series(1, ${size.users}) as u;

insert into public.memberships (organisation_id, user_id, role)
select distinct on (o.id, u.id) o.id, u.id, case when m % 3 = 0 then 'admin' else 'member' end
from generate_series(1, ${size.memberships}) as m
join scale_orgs o on o.i = 1 + (m * 7919) % ${size.organisations}
join lateral (select ('20000000-0000-4000-8000-' || lpad(to_hex(1 + (m % ${size.users})), 12, '0'))::uuid as id) u on true;

insert into public.atlas_roles (user_id, role, area_id)
select ('20000000-0000-4000-8000-' || lpad(to_hex(${size.users} - row_number() over (order by a.id) + 1), 12, '0'))::uuid,
       'coordinator', a.id
from public.areas a where a.source = 'bench' and a.level in ('stadsdeel', 'wijk')
order by a.id
limit ${Math.max(1, Math.floor(size.users / 4))};

insert into public.atlas_roles (user_id, role, area_id)
select ('20000000-0000-4000-8000-' || lpad(to_hex(u), 12, '0'))::uuid, 'admin', null
from generate_series(1, 3) as u;

analyze;
`;
}

const userId = (n: number) => `20000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Who to call the read functions as, in the data set of this size. */
export function nationalCallers(size: NationalSize) {
	return {
		/** A member of some organisations. */
		member: userId(10),
		/** The coordinator of Amsterdam (T1): the last user, given the first area in id order. */
		coordinator: userId(size.users),
		/** An admin. */
		admin: userId(1)
	};
}

/**
 * A published organisation with the most ties, whose detail is the heaviest
 * to read; found once, before the calls are timed.
 */
export const busiestOrganisationSql = `
select o.slug from public.organisations o
join public.collaborations c on c.source_id = o.id
where o.status = 'published' and o.source = 'bench'
group by o.slug order by count(*) desc, o.slug limit 1`;

/** Each read function as the app calls it, with the arguments that make it work hardest. */
export function nationalReads(busiestSlug: string): [name: string, sql: string][] {
	return [
		['atlas(), as the app calls it', `select public.atlas() as answer`],
		['atlas() with a theme', `select public.atlas(theme_ids => '{wonen}') as answer`],
		['atlas() for Amsterdam’s viewport', `select public.atlas(4.8, 52.3, 5.0, 52.42) as answer`],
		[
			'atlas() with search words, open to newcomers',
			`select public.atlas(query => 'taalcafe', open_only => true) as answer`
		],
		// The map's reads: the country at zoom 7, Amsterdam at 12 and a neighbourhood at 15, each
		// the box a 1280 × 800 screen shows there; then Amsterdam, a neighbourhood and the country
		// with the network drawn on the map.
		['map_view(), the country', `select public.map_view(3.2, 50.7, 7.3, 53.6, 7) as answer`],
		['map_view(), a city', `select public.map_view(4.79, 52.33, 5.01, 52.41, 12) as answer`],
		[
			'map_view(), a neighbourhood',
			`select public.map_view(4.886, 52.365, 4.914, 52.375, 15) as answer`
		],
		[
			'map_view(), a city with its ties',
			`select public.map_view(4.79, 52.33, 5.01, 52.41, 12, with_ties => true) as answer`
		],
		[
			'map_view(), a neighbourhood with its ties',
			`select public.map_view(4.886, 52.365, 4.914, 52.375, 15, with_ties => true) as answer`
		],
		[
			'map_view(), the country with its ties',
			`select public.map_view(3.2, 50.7, 7.3, 53.6, 7, with_ties => true) as answer`
		],
		// The network's reads: the country is beyond the browser's limits (counts only, and the
		// network between areas instead); Amsterdam is within them.
		[
			'atlas() with the network limits, the country',
			`select public.atlas(max_organisations => 5000, max_collaborations => 20000) as answer`
		],
		[
			'atlas() with the network limits, Amsterdam',
			`select public.atlas(4.8, 52.3, 5.0, 52.42, max_organisations => 5000,
				max_collaborations => 20000) as answer`
		],
		['area_network(), the country by town', `select public.area_network('stadsdeel') as answer`],
		['area_network(), the country by wijk', `select public.area_network('wijk') as answer`],
		['organisation_detail()', `select public.organisation_detail('${busiestSlug}') as answer`],
		[
			'search_organisations()',
			`select jsonb_agg(s) as answer from public.search_organisations('taalcafe amsterdam') s`
		],
		[
			'join_suggestions()',
			`select jsonb_agg(s) as answer from public.join_suggestions(4.9, 52.37, '{wonen}', '{ar}') s`
		]
	];
}
