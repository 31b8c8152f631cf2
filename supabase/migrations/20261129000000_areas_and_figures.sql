-- =============================================================================
-- Areas and their figures: CBS's wijk- en buurtkaart and Kerncijfers
--
-- A coordinator brings in the outlines of her buurten and wijken (GeoJSON of
-- CBS's wijk- en buurtkaart) and the key figures per area (CBS's Kerncijfers
-- wijken en buurten: inhabitants, age groups, households, low income). The app
-- parses the files; import_areas() writes them as one import batch, so it is
-- listed with the other imports and undone the same way.
--
-- Areas stay reference data that no API role writes directly: the private
-- helpers below check, row by row, that the caller is an admin or coordinates
-- the area (for a new area: its parent), and keep what each row replaced in
-- private.area_changes for undo. Organisations placed in a wijk whose point
-- lies in one of its newly outlined buurten move to that buurt, through the
-- audit log like any edit, so the area filter and the coverage count them
-- where they are, and undo moves them back.
-- =============================================================================

-- Gemeenten join the levels: a wijk of another municipality needs a parent.
alter table public.areas drop constraint areas_level_check;
alter table public.areas add constraint areas_level_check
  check (level in ('gemeente', 'stadsdeel', 'wijk', 'buurt'));
-- Since 2022 some municipalities (Amsterdam among them) use letters in codes.
alter table public.areas drop constraint areas_cbs_code_check;
alter table public.areas add constraint areas_cbs_code_check
  check (cbs_code ~ '^(GM[0-9]{4}|WK[0-9]{4}[0-9A-Z]{2}|BU[0-9]{4}[0-9A-Z]{4})$');
alter table public.areas add constraint areas_boundary_size_check
  check (boundary is null or octet_length(boundary::text) <= 1048576);

-- ---------------------------------------------------------------------------
-- Geometry without PostGIS (PGlite has none): the bounding box of a boundary,
-- and whether a point lies inside it (even-odd rule over every ring, which
-- also handles holes and multipolygons). Both are plain SQL over the GeoJSON.
-- ---------------------------------------------------------------------------
create function private.boundary_rings(boundary jsonb)
returns setof jsonb
language sql
immutable
set search_path = ''
as $$
  select ring from jsonb_path_query(
    boundary,
    (case boundary ->> 'type' when 'Polygon' then '$.coordinates[*]' else '$.coordinates[*][*]' end)::jsonpath
  ) as ring
  where boundary ->> 'type' in ('Polygon', 'MultiPolygon') and jsonb_typeof(ring) = 'array'
$$;

create function private.boundary_bounds(boundary jsonb)
returns double precision[]
language sql
immutable
set search_path = ''
as $$
  select case when boundary is null then null else (
    select array[min((p ->> 0)::float8), min((p ->> 1)::float8), max((p ->> 0)::float8), max((p ->> 1)::float8)]
    from private.boundary_rings(boundary) as ring, jsonb_array_elements(ring) as p
  ) end
$$;

create function private.boundary_contains(boundary jsonb, lng double precision, lat double precision)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select coalesce(sum(
    case when (e.y1 > lat) <> (e.y2 > lat) then
      case when lng < (e.x2 - e.x1) * (lat - e.y1) / (e.y2 - e.y1) + e.x1 then 1 else 0 end
    else 0 end
  ) % 2 = 1, false)
  from (
    select (p.point ->> 0)::float8 as x1, (p.point ->> 1)::float8 as y1,
           (lead(p.point) over w ->> 0)::float8 as x2, (lead(p.point) over w ->> 1)::float8 as y2
    from private.boundary_rings(boundary) with ordinality as r(ring, ring_no),
         jsonb_array_elements(r.ring) with ordinality as p(point, n)
    window w as (partition by r.ring_no order by p.n)
  ) e
  where e.x2 is not null
$$;

-- Only the owner and its security definer functions use them.
revoke execute on function private.boundary_rings(jsonb), private.boundary_bounds(jsonb),
  private.boundary_contains(jsonb, double precision, double precision) from public, anon, authenticated;

-- West, south, east, north: the first test of "does this area hold that point".
alter table public.areas add column bounds double precision[]
  generated always as (private.boundary_bounds(boundary)) stored;

-- ---------------------------------------------------------------------------
-- The area closure, kept as areas come and go one by one. Rebuilding it after
-- every statement (20261128200000_area_closure.sql) made an import of a city's
-- 480 buurten, one insert each, quadratic: 50 s in PGlite. A new area whose
-- parent is already known adds its own rows; a removed area's rows go with it
-- (the closure's foreign keys cascade); only a change of parent, or a
-- statement that inserts a parent with its children, rebuilds it.
-- ---------------------------------------------------------------------------
drop trigger areas_rebuild_closure on public.areas;
drop function private.rebuild_area_closure();

create function private.extend_area_closure()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from inserted_areas i join inserted_areas p on p.id = i.parent_id) then
    perform private.refresh_area_closure();
    return null;
  end if;
  insert into private.area_closure (ancestor_id, area_id)
  select i.id, i.id from inserted_areas i
  union all
  select c.ancestor_id, i.id
  from inserted_areas i join private.area_closure c on c.area_id = i.parent_id;
  return null;
end
$$;

create trigger areas_extend_closure
  after insert on public.areas
  referencing new table as inserted_areas
  for each statement execute function private.extend_area_closure();

-- A statement that moves an area (a new parent) rebuilds it; one that renames or outlines does not.
create function private.rebuild_area_closure_if_moved()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (
    select 1 from old_areas o join new_areas n on n.id = o.id
    where n.parent_id is distinct from o.parent_id
  ) then
    perform private.refresh_area_closure();
  end if;
  return null;
end
$$;

create trigger areas_rebuild_closure_on_move
  after update on public.areas
  referencing old table as old_areas new table as new_areas
  for each statement execute function private.rebuild_area_closure_if_moved();

revoke execute on function private.extend_area_closure(), private.rebuild_area_closure_if_moved()
  from public, anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Key figures per area and year, as CBS publishes them. Public statistics:
-- everyone reads them; only import_areas() writes them.
-- ---------------------------------------------------------------------------
create table public.area_figures (
  area_id text not null references public.areas (id) on delete cascade,
  year smallint not null check (year between 1990 and 2100),
  inhabitants integer check (inhabitants between 0 and 20000000),
  age_0_14 integer check (age_0_14 >= 0),
  age_15_24 integer check (age_15_24 >= 0),
  age_25_44 integer check (age_25_44 >= 0),
  age_45_64 integer check (age_45_64 >= 0),
  age_65_plus integer check (age_65_plus >= 0),
  households integer check (households >= 0),
  -- Share of private households with a low income, in percent (CBS's own measure).
  low_income_share numeric(4, 1) check (low_income_share between 0 and 100),
  source text check (char_length(source) <= 200),
  primary key (area_id, year)
);
alter table public.area_figures enable row level security;
revoke all on public.area_figures from anon, authenticated;
grant select on public.area_figures to anon, authenticated;
create policy "Area figures are visible to everyone"
  on public.area_figures for select
  to anon, authenticated
  using (true);

-- Population in the reference data is the latest figure; the column goes.
alter table public.areas drop column population;

-- What each row of an area import replaced, for undo.
create table private.area_changes (
  id bigint generated always as identity primary key,
  batch_id uuid not null references public.import_batches (id) on delete cascade,
  table_name text not null check (table_name in ('areas', 'area_figures')),
  area_id text not null,
  year smallint,
  before jsonb,
  after jsonb
);
create index area_changes_batch_id_idx on private.area_changes (batch_id, id);
create index area_changes_area_id_idx on private.area_changes (area_id);
revoke all on private.area_changes from public, anon, authenticated, service_role;
alter table private.area_changes enable row level security;
create policy "No API role reads area changes"
  on private.area_changes for all to anon, authenticated using (false) with check (false);

-- ---------------------------------------------------------------------------
-- Writing one area or one year of figures, for the batch of this transaction.
-- ---------------------------------------------------------------------------

-- The open batch of this transaction, if the caller opened it; else refused.
create function private.own_open_batch(batch uuid)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.import_batches b
    where b.id = batch and b.created_by = (select auth.uid()) and b.transaction_id = txid_current()
  ) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
end
$$;

-- item: { code, level, name, parent_code, gemeente_code, gemeente_name, boundary }
-- Answers 'created', 'updated' or 'unchanged'.
create function private.write_area(batch uuid, item jsonb, source text)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  code text := upper(btrim(item ->> 'code'));
  wanted_level text := item ->> 'level';
  parent text := nullif(upper(btrim(coalesce(item ->> 'parent_code', ''))), '');
  gemeente text := nullif(upper(btrim(coalesce(item ->> 'gemeente_code', ''))), '');
  old public.areas;
  fresh public.areas;
begin
  perform private.own_open_batch(batch);
  if code is null or wanted_level not in ('gemeente', 'wijk', 'buurt')
     or jsonb_typeof(item -> 'boundary') not in ('object', 'null') then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  select * into old from public.areas a where a.id = code for update;

  if old.id is null then
    -- A buurt hangs under its wijk; a wijk under its gemeente, which an admin
    -- may add on the way when the file names it.
    if parent is null and wanted_level = 'wijk' then
      parent := gemeente;
    end if;
    if parent is not null and not exists (select 1 from public.areas a where a.id = parent)
       and parent = gemeente and private.is_admin() and item ->> 'gemeente_name' is not null then
      perform private.write_area(batch, jsonb_build_object(
        'code', gemeente, 'level', 'gemeente', 'name', item ->> 'gemeente_name'), source);
    end if;
    if wanted_level <> 'gemeente' and (parent is null or not exists (select 1 from public.areas a where a.id = parent)) then
      raise exception 'area_parent_missing' using errcode = '22023', detail = coalesce(parent, '');
    end if;
    if not (private.is_admin() or (parent is not null and private.coordinates_area(parent))) then
      raise exception 'area_outside_coordination' using errcode = '42501';
    end if;
    insert into public.areas (id, level, name, cbs_code, parent_id, boundary, source)
    values (code, wanted_level, btrim(item ->> 'name'), code, parent, nullif(item -> 'boundary', 'null'), source)
    returning * into fresh;
    insert into private.area_changes (batch_id, table_name, area_id, before, after)
    values (batch, 'areas', code, null, to_jsonb(fresh));
    return 'created';
  end if;

  if not private.coordinates_area(old.id) then
    raise exception 'area_outside_coordination' using errcode = '42501';
  end if;
  if old.level <> wanted_level then
    raise exception 'area_level_differs' using errcode = '22023', detail = old.level;
  end if;
  if old.name = coalesce(nullif(btrim(item ->> 'name'), ''), old.name)
     and old.boundary is not distinct from coalesce(nullif(item -> 'boundary', 'null'), old.boundary)
     and old.cbs_code is not distinct from code then
    return 'unchanged';
  end if;
  update public.areas a set
    name = coalesce(nullif(btrim(item ->> 'name'), ''), a.name),
    cbs_code = code,
    boundary = coalesce(nullif(item -> 'boundary', 'null'), a.boundary),
    source = coalesce(write_area.source, a.source)
  where a.id = code
  returning * into fresh;
  insert into private.area_changes (batch_id, table_name, area_id, before, after)
  values (batch, 'areas', code, to_jsonb(old), to_jsonb(fresh));
  return 'updated';
end
$$;

-- item: { code, year, inhabitants, age_0_14 … age_65_plus, households, low_income_share }
create function private.write_area_figures(batch uuid, item jsonb, source text)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  code text := upper(btrim(item ->> 'code'));
  old public.area_figures;
  fresh public.area_figures;
begin
  perform private.own_open_batch(batch);
  if not exists (select 1 from public.areas a where a.id = code) then
    raise exception 'area_unknown' using errcode = '22023', detail = coalesce(code, '');
  end if;
  if not private.coordinates_area(code) then
    raise exception 'area_outside_coordination' using errcode = '42501';
  end if;
  fresh := jsonb_populate_record(null::public.area_figures,
    jsonb_strip_nulls(item - 'code' - 'row') || jsonb_build_object('area_id', code, 'source', source));
  if fresh.year is null then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  select * into old from public.area_figures f where f.area_id = code and f.year = fresh.year for update;
  if old.area_id is not null and (to_jsonb(old) - 'source') = (to_jsonb(fresh) - 'source') then
    return 'unchanged';
  end if;
  insert into public.area_figures values (fresh.*)
  on conflict (area_id, year) do update set
    inhabitants = excluded.inhabitants, age_0_14 = excluded.age_0_14, age_15_24 = excluded.age_15_24,
    age_25_44 = excluded.age_25_44, age_45_64 = excluded.age_45_64, age_65_plus = excluded.age_65_plus,
    households = excluded.households, low_income_share = excluded.low_income_share, source = excluded.source;
  insert into private.area_changes (batch_id, table_name, area_id, year, before, after)
  values (batch, 'area_figures', code, fresh.year,
          case when old.area_id is not null then to_jsonb(old) end, to_jsonb(fresh));
  return case when old.area_id is null then 'created' else 'updated' end;
end
$$;

-- Organisations placed in an area whose point lies in a finer area this batch
-- outlined move to the finest such area, if the caller coordinates them.
-- Organisations without an area stay so: "no area" means city-wide or unknown.
create function private.place_in_new_areas(batch uuid)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  moved integer;
begin
  perform private.own_open_batch(batch);
  with outlined as (
    select a.id, a.boundary, a.bounds,
           case a.level when 'buurt' then 0 when 'wijk' then 1 when 'stadsdeel' then 2 else 3 end as depth
    from public.areas a
    where a.boundary is not null
      and a.id in (select c.area_id from private.area_changes c
                   where c.batch_id = batch and c.table_name = 'areas')
  ),
  -- The cheap tests first, kept apart so the planner cannot run the polygon test on every pair.
  candidates as materialized (
    select o.id as organisation_id, o.lng, o.lat, a.id as area_id, a.boundary, a.depth
    from public.organisations o
    join outlined a
      on o.lng between a.bounds[1] and a.bounds[3] and o.lat between a.bounds[2] and a.bounds[4]
    join private.area_closure x on x.ancestor_id = o.area_id and x.area_id = a.id and x.area_id <> x.ancestor_id
    where o.lng is not null and o.lat is not null
  ),
  finest as (
    select distinct on (c.organisation_id) c.organisation_id, c.area_id
    from candidates c
    where private.boundary_contains(c.boundary, c.lng, c.lat)
    order by c.organisation_id, c.depth
  )
  update public.organisations o set area_id = f.area_id
  from finest f
  where o.id = f.organisation_id and private.coordinates_area(o.area_id);
  get diagnostics moved = row_count;
  return moved;
end
$$;

revoke execute on function private.own_open_batch(uuid), private.write_area(uuid, jsonb, text),
  private.write_area_figures(uuid, jsonb, text), private.place_in_new_areas(uuid) from public, anon;
grant execute on function private.own_open_batch(uuid), private.write_area(uuid, jsonb, text),
  private.write_area_figures(uuid, jsonb, text), private.place_in_new_areas(uuid) to authenticated;

-- ---------------------------------------------------------------------------
-- import_areas(batch)
--
--   { "label": "buurten.geojson", "dry_run": false,
--     "source": "CBS Wijk- en buurtkaart 2023", "figures_source": "CBS Kerncijfers wijken en buurten 2023",
--     "areas": [ { "row": 1, "code": "BU03637601", "level": "buurt", "name": "…",
--                  "parent_code": "WK036376", "gemeente_code": "GM0363",
--                  "gemeente_name": "Amsterdam", "boundary": { GeoJSON Polygon } } ],
--     "figures": [ { "row": 2, "code": "BU03637601", "year": 2023, "inhabitants": 2140, … } ] }
--
-- Rows that are refused are reported with their reason; the rest goes in.
-- ---------------------------------------------------------------------------
create function public.import_areas(batch jsonb)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  dry_run boolean := coalesce((batch ->> 'dry_run')::boolean, false);
  batch_id uuid;
  refused jsonb := '[]';
  counts jsonb := '{}';
  outcome text;
  item jsonb;
  failure text;
  failure_detail text;
  moved integer := 0;
  summary jsonb;
  level_order constant text[] := array['gemeente', 'wijk', 'buurt'];
begin
  if (select auth.uid()) is null or not private.is_moderator() then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  perform private.require_object(batch, 33554432);
  if jsonb_typeof(coalesce(batch -> 'areas', '[]')) <> 'array'
     or jsonb_typeof(coalesce(batch -> 'figures', '[]')) <> 'array' then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  if jsonb_array_length(coalesce(batch -> 'areas', '[]')) > 20000
     or jsonb_array_length(coalesce(batch -> 'figures', '[]')) > 20000 then
    raise exception 'input_too_large' using errcode = '22001',
      hint = 'At most 20,000 areas and 20,000 rows of figures in one import.';
  end if;

  begin
    batch_id := private.open_import_batch(left(batch ->> 'label', 200));

    -- Parents before children: gemeenten, then wijken, then buurten.
    for item in
      select value from jsonb_array_elements(coalesce(batch -> 'areas', '[]')) with ordinality as e(value, n)
      order by coalesce(array_position(level_order, value ->> 'level'), 9), n
    loop
      begin
        outcome := private.write_area(batch_id, item, left(batch ->> 'source', 200));
        counts := counts || jsonb_build_object('areas_' || outcome, coalesce((counts ->> ('areas_' || outcome))::integer, 0) + 1);
      exception when others then
        get stacked diagnostics failure = message_text, failure_detail = pg_exception_detail;
        refused := refused || jsonb_build_object('sheet', 'areas', 'row', item -> 'row',
          'code', item ->> 'code', 'reason', failure, 'detail', nullif(failure_detail, ''));
      end;
    end loop;

    for item in select value from jsonb_array_elements(coalesce(batch -> 'figures', '[]')) loop
      begin
        outcome := private.write_area_figures(batch_id, item, left(batch ->> 'figures_source', 200));
        counts := counts || jsonb_build_object('figures_' || outcome, coalesce((counts ->> ('figures_' || outcome))::integer, 0) + 1);
      exception when others then
        get stacked diagnostics failure = message_text, failure_detail = pg_exception_detail;
        refused := refused || jsonb_build_object('sheet', 'figures', 'row', item -> 'row',
          'code', item ->> 'code', 'reason', failure, 'detail', nullif(failure_detail, ''));
      end;
    end loop;

    moved := private.place_in_new_areas(batch_id);

    summary := jsonb_build_object(
      'kind', 'areas',
      'areas_created', coalesce((counts ->> 'areas_created')::integer, 0),
      'areas_updated', coalesce((counts ->> 'areas_updated')::integer, 0),
      'areas_unchanged', coalesce((counts ->> 'areas_unchanged')::integer, 0),
      'figures_created', coalesce((counts ->> 'figures_created')::integer, 0),
      'figures_updated', coalesce((counts ->> 'figures_updated')::integer, 0),
      'figures_unchanged', coalesce((counts ->> 'figures_unchanged')::integer, 0),
      'organisations_moved', moved,
      'refused', jsonb_array_length(refused));
    perform private.close_import_batch(batch_id, summary);

    if dry_run then
      raise exception using errcode = 'P0001', message = 'import_not_written';
    end if;
  exception when raise_exception then
    if sqlerrm <> 'import_not_written' then
      raise;
    end if;
    batch_id := null;
  end;

  return summary || jsonb_build_object('batch_id', batch_id, 'written', batch_id is not null,
    'refused_rows', refused);
end
$$;

revoke execute on function public.import_areas(jsonb) from public, anon;
grant execute on function public.import_areas(jsonb) to authenticated;

-- ---------------------------------------------------------------------------
-- Undo now also puts back the areas and figures a batch replaced: the
-- organisations it moved first (their audit lines), then figures, then areas,
-- newest first. Refused, as before, when later work would be lost.
-- ---------------------------------------------------------------------------
create or replace function private.undo_area_changes(batch uuid)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  change record;
  later text;
  reverted integer := 0;
begin
  select string_agg(distinct c.area_id, ', ') into later
  from private.area_changes c
  join public.import_batches b on b.id = c.batch_id and b.undone_at is null
  where c.batch_id <> batch
    and c.id > (select coalesce(min(x.id), 0) from private.area_changes x where x.batch_id = batch)
    and c.area_id in (select x.area_id from private.area_changes x where x.batch_id = batch);
  if later is null then
    -- An organisation placed, since, in an area this batch created.
    select string_agg(distinct o.name, ', ') into later
    from public.organisations o
    join private.area_changes c on c.area_id = o.area_id and c.batch_id = batch
      and c.table_name = 'areas' and c.before is null;
  end if;
  if later is not null then
    raise exception 'import_changed_since' using errcode = 'PT409', detail = left(later, 500),
      hint = 'Undo or restore the later changes first.';
  end if;

  for change in select * from private.area_changes c where c.batch_id = batch order by c.id desc loop
    if change.table_name = 'area_figures' then
      delete from public.area_figures f where f.area_id = change.area_id and f.year = change.year;
      if change.before is not null then
        insert into public.area_figures
        select * from jsonb_populate_record(null::public.area_figures, change.before);
      end if;
    elsif change.before is null then
      delete from public.areas a where a.id = change.area_id;
    else
      update public.areas a set
        (name, cbs_code, parent_id, boundary, source) =
        (select r.name, r.cbs_code, r.parent_id, r.boundary, r.source
         from jsonb_populate_record(null::public.areas, change.before) r)
      where a.id = change.area_id;
    end if;
    reverted := reverted + 1;
  end loop;
  return reverted;
end
$$;

revoke execute on function private.undo_area_changes(uuid) from public, anon, authenticated;

create or replace function private.undo_import_batch(batch uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  b public.import_batches;
  line public.audit_log;
  last_line bigint;
  later text;
  reverted integer := 0;
begin
  select * into b from public.import_batches where id = batch for update;
  if b.id is null or me is null or not (b.created_by = me or private.is_moderator()) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  if b.undone_at is not null then
    raise exception 'import_already_undone' using errcode = 'PT409';
  end if;
  select max(l.id) into last_line from public.audit_log l where l.transaction_id = b.transaction_id;

  -- Anything the batch wrote that a later transaction changed, and anything
  -- later that hangs on an organisation the batch created (undo removes it).
  select string_agg(distinct coalesce(o.name, l.record_id::text), ', ') into later
  from public.audit_log l
  left join public.organisations o on o.id = any (l.organisation_ids)
  where l.id > last_line and l.transaction_id <> b.transaction_id
    and (l.record_id in (select x.record_id from public.audit_log x where x.transaction_id = b.transaction_id)
         or l.organisation_ids && array(
           select x.record_id from public.audit_log x
           where x.transaction_id = b.transaction_id and x.table_name = 'organisations' and x.action = 'insert'));
  if later is not null then
    raise exception 'import_changed_since' using errcode = 'PT409', detail = left(later, 500),
      hint = 'Undo or restore the later changes first.';
  end if;

  for line in
    select * from public.audit_log l where l.transaction_id = b.transaction_id order by l.id desc
  loop
    if line.table_name = 'organisations' then
      if line.action = 'insert' then
        delete from public.organisations o where o.id = line.record_id;
      elsif line.action = 'update' then
        update public.organisations o set
          (name, kind, description, status, lng, lat, location_precision, address, postcode, city,
           area_id, website, email, phone, open_to_newcomers, help_wanted, languages, meeting_times,
           meeting_place, join_next_step) =
          (select r.name, r.kind, r.description, r.status, r.lng, r.lat, r.location_precision,
                  r.address, r.postcode, r.city, r.area_id, r.website, r.email, r.phone,
                  r.open_to_newcomers, r.help_wanted, r.languages, r.meeting_times, r.meeting_place,
                  r.join_next_step
           from jsonb_populate_record(null::public.organisations, line.before) r)
        where o.id = line.record_id;
      end if;
    elsif line.table_name = 'organisation_themes' then
      if line.action = 'insert' then
        delete from public.organisation_themes ot
        where ot.organisation_id = line.record_id and ot.theme_id = line.after ->> 'theme_id';
      elsif line.action = 'delete' then
        insert into public.organisation_themes (organisation_id, theme_id)
        values (line.record_id, line.before ->> 'theme_id') on conflict do nothing;
      end if;
    elsif line.table_name = 'meeting_times' then
      if line.action = 'insert' then
        delete from public.meeting_times mt
        where mt.organisation_id = line.record_id
          and mt.weekday = (line.after ->> 'weekday')::smallint
          and mt.part_of_day = line.after ->> 'part_of_day';
      elsif line.action = 'delete' then
        insert into public.meeting_times (organisation_id, weekday, part_of_day)
        values (line.record_id, (line.before ->> 'weekday')::smallint, line.before ->> 'part_of_day')
        on conflict do nothing;
      end if;
    elsif line.table_name = 'collaborations' and line.action = 'insert' then
      delete from public.collaborations c where c.id = line.record_id;
    end if;
    reverted := reverted + 1;
  end loop;

  reverted := reverted + private.undo_area_changes(b.id);

  delete from public.import_pending_ties t where t.batch_id = b.id;
  update public.import_batches set undone_at = now(), undone_by = me where id = b.id;
  return jsonb_build_object('batch_id', b.id, 'reverted', reverted);
end
$$;

-- ---------------------------------------------------------------------------
-- Reads
-- ---------------------------------------------------------------------------

-- reference_data(): the areas' population is now their latest figure.
create or replace function public.reference_data()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'organisation_kinds', coalesce((
      select jsonb_agg(jsonb_build_object('id', k.id, 'group', k.kind_group) order by k.sort_order)
      from public.organisation_kinds k
    ), '[]'::jsonb),
    'collaboration_kinds', coalesce((
      select jsonb_agg(c.id order by c.sort_order) from public.collaboration_kinds c
    ), '[]'::jsonb),
    'themes', coalesce((
      select jsonb_agg(t.id order by t.sort_order) from public.themes t
    ), '[]'::jsonb),
    'areas', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', a.id, 'level', a.level, 'name', a.name, 'parent', a.parent_id,
        'population', (select f.inhabitants from public.area_figures f
                       where f.area_id = a.id and f.inhabitants is not null
                       order by f.year desc limit 1),
        'has_boundary', a.boundary is not null
      ) order by a.level, a.name)
      from public.areas a
    ), '[]'::jsonb)
  )
$$;

-- The latest figures of every area that has some, as CBS gave them.
create function public.latest_area_figures()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select coalesce(jsonb_agg(to_jsonb(f) order by f.area_id), '[]'::jsonb)
  from (
    select distinct on (f.area_id) f.*
    from public.area_figures f
    order by f.area_id, f.year desc
  ) f
$$;

grant execute on function public.latest_area_figures() to anon, authenticated;

-- area_boundaries() now says which level each outline is, so the map draws a
-- buurt finer than a wijk; and, for a gemeente, leaves it to its wijken.
create or replace function public.area_boundaries()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'type', 'FeatureCollection',
    'features', coalesce(jsonb_agg(jsonb_build_object(
      'type', 'Feature',
      'id', a.id,
      'properties', jsonb_build_object('id', a.id, 'name', a.name, 'level', a.level),
      'geometry', a.boundary
    ) order by a.level, a.id), '[]'::jsonb)
  )
  from public.areas a
  where a.boundary is not null and a.level <> 'gemeente'
$$;
