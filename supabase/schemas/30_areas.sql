-- Areas
--
-- Areas of the Netherlands (country to neighbourhood) with their boundaries,
-- the closure table that lets a filter on an area include its child areas,
-- CBS figures per area, and the import of both.
--
-- The current definition, one file per domain, applied in the order of the
-- file names (supabase/config.toml, [db.migrations] schema_paths). Changing
-- it takes a migration too: tests/db/declarative-schema.spec.ts fails while
-- the two disagree.

SET check_function_bodies = false;

CREATE FUNCTION private.area_tree() RETURNS TABLE(ancestor_id text, area_id text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select c.ancestor_id, c.area_id from private.area_closure c
$$;

CREATE FUNCTION private.boundary_bounds(boundary jsonb) RETURNS double precision[]
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select case when boundary is null then null else (
    select array[min((p ->> 0)::float8), min((p ->> 1)::float8), max((p ->> 0)::float8), max((p ->> 1)::float8)]
    from private.boundary_rings(boundary) as ring, jsonb_array_elements(ring) as p
  ) end
$$;

CREATE FUNCTION private.boundary_contains(boundary jsonb, lng double precision, lat double precision) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
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

CREATE FUNCTION private.boundary_rings(boundary jsonb) RETURNS SETOF jsonb
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $_$
  select ring from jsonb_path_query(
    boundary,
    (case boundary ->> 'type' when 'Polygon' then '$.coordinates[*]' else '$.coordinates[*][*]' end)::jsonpath
  ) as ring
  where boundary ->> 'type' in ('Polygon', 'MultiPolygon') and jsonb_typeof(ring) = 'array'
$_$;

CREATE FUNCTION private.extend_area_closure() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

CREATE FUNCTION private.place_in_new_areas(batch uuid) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

CREATE FUNCTION private.rebuild_area_closure_if_moved() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

CREATE FUNCTION private.refresh_area_closure() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  delete from private.area_closure;
  insert into private.area_closure (ancestor_id, area_id)
  with recursive below (ancestor_id, area_id) as (
    select a.id, a.id from public.areas a
    union
    select b.ancestor_id, a.id from below b join public.areas a on a.parent_id = b.area_id
  )
  select ancestor_id, area_id from below;
end
$$;

CREATE FUNCTION private.undo_area_changes(batch uuid) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

CREATE FUNCTION private.write_area(batch uuid, item jsonb, source text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

CREATE FUNCTION private.write_area_figures(batch uuid, item jsonb, source text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

CREATE FUNCTION public.area_boundaries() RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
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

CREATE FUNCTION public.import_areas(batch jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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

CREATE FUNCTION public.latest_area_figures() RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce(jsonb_agg(to_jsonb(f) order by f.area_id), '[]'::jsonb)
  from (
    select distinct on (f.area_id) f.*
    from public.area_figures f
    order by f.area_id, f.year desc
  ) f
$$;

CREATE TABLE private.area_changes (
    id bigint NOT NULL,
    batch_id uuid NOT NULL,
    table_name text NOT NULL,
    area_id text NOT NULL,
    year smallint,
    before jsonb,
    after jsonb,
    CONSTRAINT area_changes_table_name_check CHECK ((table_name = ANY (ARRAY['areas'::text, 'area_figures'::text])))
);

ALTER TABLE private.area_changes ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME private.area_changes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE private.area_closure (
    ancestor_id text NOT NULL,
    area_id text NOT NULL
);

CREATE TABLE public.area_figures (
    area_id text NOT NULL,
    year smallint NOT NULL,
    inhabitants integer,
    age_0_14 integer,
    age_15_24 integer,
    age_25_44 integer,
    age_45_64 integer,
    age_65_plus integer,
    households integer,
    low_income_share numeric(4,1),
    source text,
    CONSTRAINT area_figures_age_0_14_check CHECK ((age_0_14 >= 0)),
    CONSTRAINT area_figures_age_15_24_check CHECK ((age_15_24 >= 0)),
    CONSTRAINT area_figures_age_25_44_check CHECK ((age_25_44 >= 0)),
    CONSTRAINT area_figures_age_45_64_check CHECK ((age_45_64 >= 0)),
    CONSTRAINT area_figures_age_65_plus_check CHECK ((age_65_plus >= 0)),
    CONSTRAINT area_figures_households_check CHECK ((households >= 0)),
    CONSTRAINT area_figures_inhabitants_check CHECK (((inhabitants >= 0) AND (inhabitants <= 20000000))),
    CONSTRAINT area_figures_low_income_share_check CHECK (((low_income_share >= (0)::numeric) AND (low_income_share <= (100)::numeric))),
    CONSTRAINT area_figures_source_check CHECK ((char_length(source) <= 200)),
    CONSTRAINT area_figures_year_check CHECK (((year >= 1990) AND (year <= 2100)))
);

CREATE TABLE public.areas (
    id text NOT NULL,
    level text NOT NULL,
    name text NOT NULL,
    cbs_code text,
    parent_id text,
    boundary jsonb,
    source text,
    bounds double precision[] GENERATED ALWAYS AS (private.boundary_bounds(boundary)) STORED,
    CONSTRAINT areas_boundary_check CHECK (((boundary IS NULL) OR ((boundary ->> 'type'::text) = ANY (ARRAY['Polygon'::text, 'MultiPolygon'::text])))),
    CONSTRAINT areas_boundary_size_check CHECK (((boundary IS NULL) OR (octet_length((boundary)::text) <= 1048576))),
    CONSTRAINT areas_cbs_code_check CHECK ((cbs_code ~ '^(GM[0-9]{4}|WK[0-9]{4}[0-9A-Z]{2}|BU[0-9]{4}[0-9A-Z]{4})$'::text)),
    CONSTRAINT areas_id_check CHECK ((id ~ '^[A-Z0-9]+$'::text)),
    CONSTRAINT areas_level_check CHECK ((level = ANY (ARRAY['gemeente'::text, 'stadsdeel'::text, 'wijk'::text, 'buurt'::text]))),
    CONSTRAINT areas_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 120)))
);

ALTER TABLE ONLY private.area_changes
    ADD CONSTRAINT area_changes_pkey PRIMARY KEY (id);

ALTER TABLE ONLY private.area_closure
    ADD CONSTRAINT area_closure_pkey PRIMARY KEY (ancestor_id, area_id);

ALTER TABLE ONLY public.area_figures
    ADD CONSTRAINT area_figures_pkey PRIMARY KEY (area_id, year);

ALTER TABLE ONLY public.areas
    ADD CONSTRAINT areas_cbs_code_key UNIQUE (cbs_code);

ALTER TABLE ONLY public.areas
    ADD CONSTRAINT areas_pkey PRIMARY KEY (id);

CREATE INDEX area_changes_area_id_idx ON private.area_changes USING btree (area_id);

CREATE INDEX area_changes_batch_id_idx ON private.area_changes USING btree (batch_id, id);

CREATE INDEX area_closure_area_id_idx ON private.area_closure USING btree (area_id);

CREATE INDEX areas_parent_id_idx ON public.areas USING btree (parent_id);

CREATE TRIGGER areas_extend_closure AFTER INSERT ON public.areas REFERENCING NEW TABLE AS inserted_areas FOR EACH STATEMENT EXECUTE FUNCTION private.extend_area_closure();

CREATE TRIGGER areas_rebuild_closure_on_move AFTER UPDATE ON public.areas REFERENCING OLD TABLE AS old_areas NEW TABLE AS new_areas FOR EACH STATEMENT EXECUTE FUNCTION private.rebuild_area_closure_if_moved();

ALTER TABLE ONLY private.area_closure
    ADD CONSTRAINT area_closure_ancestor_id_fkey FOREIGN KEY (ancestor_id) REFERENCES public.areas(id) ON DELETE CASCADE;

ALTER TABLE ONLY private.area_closure
    ADD CONSTRAINT area_closure_area_id_fkey FOREIGN KEY (area_id) REFERENCES public.areas(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.area_figures
    ADD CONSTRAINT area_figures_area_id_fkey FOREIGN KEY (area_id) REFERENCES public.areas(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.areas
    ADD CONSTRAINT areas_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.areas(id);

ALTER TABLE ONLY public.atlas_roles
    ADD CONSTRAINT atlas_roles_area_id_fkey FOREIGN KEY (area_id) REFERENCES public.areas(id);

CREATE POLICY "No API role reads area changes" ON private.area_changes TO authenticated, anon USING (false) WITH CHECK (false);

CREATE POLICY "No API role reads the area closure" ON private.area_closure TO authenticated, anon USING (false) WITH CHECK (false);

ALTER TABLE private.area_changes ENABLE ROW LEVEL SECURITY;

ALTER TABLE private.area_closure ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Area figures are visible to everyone" ON public.area_figures FOR SELECT TO authenticated, anon USING (true);

CREATE POLICY "Areas are visible to everyone" ON public.areas FOR SELECT TO authenticated, anon USING (true);

ALTER TABLE public.area_figures ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.areas ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON FUNCTION private.area_tree() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.area_tree() TO anon;
GRANT ALL ON FUNCTION private.area_tree() TO authenticated;
GRANT ALL ON FUNCTION private.area_tree() TO service_role;

REVOKE ALL ON FUNCTION private.boundary_bounds(boundary jsonb) FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.boundary_contains(boundary jsonb, lng double precision, lat double precision) FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.boundary_rings(boundary jsonb) FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.extend_area_closure() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.place_in_new_areas(batch uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.place_in_new_areas(batch uuid) TO authenticated;

REVOKE ALL ON FUNCTION private.rebuild_area_closure_if_moved() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.refresh_area_closure() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.undo_area_changes(batch uuid) FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.write_area(batch uuid, item jsonb, source text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.write_area(batch uuid, item jsonb, source text) TO authenticated;

REVOKE ALL ON FUNCTION private.write_area_figures(batch uuid, item jsonb, source text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.write_area_figures(batch uuid, item jsonb, source text) TO authenticated;

REVOKE ALL ON FUNCTION public.area_boundaries() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.area_boundaries() TO anon;
GRANT ALL ON FUNCTION public.area_boundaries() TO authenticated;
GRANT ALL ON FUNCTION public.area_boundaries() TO service_role;

REVOKE ALL ON FUNCTION public.import_areas(batch jsonb) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.import_areas(batch jsonb) TO authenticated;
GRANT ALL ON FUNCTION public.import_areas(batch jsonb) TO service_role;

REVOKE ALL ON FUNCTION public.latest_area_figures() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.latest_area_figures() TO anon;
GRANT ALL ON FUNCTION public.latest_area_figures() TO authenticated;
GRANT ALL ON FUNCTION public.latest_area_figures() TO service_role;

REVOKE ALL ON TABLE public.area_figures FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON TABLE public.area_figures TO service_role;
GRANT SELECT ON TABLE public.area_figures TO anon;
GRANT SELECT ON TABLE public.area_figures TO authenticated;

REVOKE ALL ON TABLE public.areas FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON TABLE public.areas TO anon;
GRANT SELECT ON TABLE public.areas TO authenticated;
GRANT ALL ON TABLE public.areas TO service_role;

REVOKE ALL ON TABLE private.area_changes FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON SEQUENCE private.area_changes_id_seq FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON TABLE private.area_closure FROM PUBLIC, anon, authenticated, service_role;
