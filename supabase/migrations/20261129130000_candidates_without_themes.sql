-- The map's reads do not need themes: atlas_candidates() no longer joins an
-- empty theme list against every organisation in the box when none are asked
-- for (15 ms of a country's 120 ms map_view() at 50,000 organisations).
CREATE OR REPLACE FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date, programme_ids text[]) RETURNS TABLE(id uuid, slug text, name text, kind text, lng double precision, lat double precision, area_id text, open_to_newcomers boolean, is_illustrative boolean, languages text[], themes text[], by_theme boolean, by_kind boolean, by_area boolean, by_language boolean, by_open boolean, by_query boolean)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    AS $$
declare
  visible uuid[];
  within text[];
  matching uuid[];
  members uuid[];
begin
  if cardinality(atlas_candidates.theme_ids) > 50 or cardinality(atlas_candidates.kind_ids) > 50
     or cardinality(atlas_candidates.area_ids) > 200
     or cardinality(atlas_candidates.language_ids) > 50
     or cardinality(atlas_candidates.programme_ids) > 20 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  if char_length(atlas_candidates.query) > 200 then
    raise exception 'query_too_long' using errcode = '22001';
  end if;
  if atlas_candidates.area_ids is not null then
    within := array(
      select t.area_id from private.area_tree() t where t.ancestor_id = any (atlas_candidates.area_ids)
    );
  end if;
  -- A programme selects its members at the date, those of its sub-groups, and itself.
  if atlas_candidates.programme_ids is not null then
    members := private.programme_scope(atlas_candidates.programme_ids, atlas_candidates.as_of);
  end if;
  if nullif(btrim(atlas_candidates.query), '') is not null then
    matching := private.search_candidates(atlas_candidates.query, 1);
  end if;
  -- Themes are looked up only when they are shown or filtered on: the map needs neither.
  if atlas_candidates.with_themes or atlas_candidates.theme_ids is not null then
    visible := array(
      select o.id from public.organisations o
      where o.status <> 'archived'
        and o.lng between atlas_candidates.west and atlas_candidates.east
        and o.lat between atlas_candidates.south and atlas_candidates.north
    );
  end if;
  -- What the caller may see in the box decides all else.
  return query
    select o.id, o.slug, o.name, o.kind, o.lng, o.lat, o.area_id, o.open_to_newcomers,
           o.is_illustrative, o.languages, coalesce(t.theme_ids, '{}'),
           (atlas_candidates.theme_ids is null or coalesce(t.theme_ids, '{}') && atlas_candidates.theme_ids),
           (atlas_candidates.kind_ids is null or o.kind = any (atlas_candidates.kind_ids)),
           (within is null or coalesce(o.area_id = any (within), false)),
           (atlas_candidates.language_ids is null or o.languages && atlas_candidates.language_ids),
           (not coalesce(atlas_candidates.open_only, false) or o.open_to_newcomers),
           (matching is null or o.id = any (matching))
    from public.organisations o
    -- Without themes asked for, no join at all: a country's 50,000 rows skip a hash join.
    left join private.themes_of(visible) t on visible is not null and t.organisation_id = o.id
    where o.status <> 'archived'
      and o.lng between atlas_candidates.west and atlas_candidates.east
      and o.lat between atlas_candidates.south and atlas_candidates.north
      -- What exists at the date asked, or today: one with no known start always did.
      and (atlas_candidates.as_of is null or o.started_on is null
           or o.started_on <= atlas_candidates.as_of)
      and (o.ended_on is null
           or private.period_end(o.ended_on, o.ended_precision)
              >= coalesce(atlas_candidates.as_of, current_date))
      and (members is null or o.id = any (members));
end
$$;
