-- Meedoen shows what an organisation wrote (how to join, when and where it meets)
-- inside a page that may be in another language. join_suggestions() now says
-- which language that text is in, so the page can mark it (lang) and a screen
-- reader reads a Dutch sentence in Dutch inside an Arabic page.
-- A new column in RETURNS TABLE changes the function's type: drop and create.

drop function public.join_suggestions(
  double precision, double precision, text[], text[], text[], text, integer
);

CREATE FUNCTION public.join_suggestions(from_lng double precision, from_lat double precision, theme_ids text[] DEFAULT NULL::text[], language_ids text[] DEFAULT NULL::text[], time_slots text[] DEFAULT NULL::text[], travel text DEFAULT 'walk'::text, max_results integer DEFAULT 10) RETURNS TABLE(id uuid, slug text, name text, kind text, lng double precision, lat double precision, distance_m integer, open_to_newcomers boolean, help_wanted text[], matched_themes text[], matched_languages text[], matched_times jsonb, score integer, meeting_times text, meeting_place text, join_next_step text, website text, email text, phone text, illustrative boolean, freshness text, languages text[], meets jsonb, text_language text)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET jit TO 'off'
    AS $$
#variable_conflict use_column
declare
  reach integer := case when travel = 'cycle' then 5000 else 1500 end;
  -- A box around the place that holds the reach, so an index narrows the
  -- candidates before distances are computed.
  lat_margin double precision := reach / 111320.0;
  lng_margin double precision := reach / (111320.0 * greatest(cos(radians(from_lat)), 0.01));
begin
  if from_lng is null or from_lat is null or from_lng not between -180 and 180
     or from_lat not between -90 and 90 or travel not in ('walk', 'cycle') then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  if cardinality(join_suggestions.theme_ids) > 20 or cardinality(join_suggestions.language_ids) > 20
     or cardinality(join_suggestions.time_slots) > 3 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  return query
  with candidate as (
    select o.id, o.slug, o.name, o.kind, o.lng, o.lat, o.open_to_newcomers, o.help_wanted,
           o.languages, o.meeting_times, o.meeting_place, o.join_next_step, o.text_language,
           -- A made-up example has no one to contact: a newcomer is never sent to it.
           case when o.is_illustrative then null else o.website end as website,
           case when o.is_illustrative then null else o.email end as email,
           case when o.is_illustrative then null else o.phone end as phone,
           o.is_illustrative, private.freshness(o.confirmed_at) as freshness,
           round(6371000 * 2 * asin(sqrt(
             power(sin(radians(o.lat - from_lat) / 2), 2) +
             cos(radians(from_lat)) * cos(radians(o.lat)) * power(sin(radians(o.lng - from_lng) / 2), 2)
           )))::integer as distance_m
    from public.organisations o
    where o.status = 'published'
      and o.lng between from_lng - lng_margin and from_lng + lng_margin
      and o.lat between from_lat - lat_margin and from_lat + lat_margin
  ),
  matched as (
    select c.*,
      coalesce((
        select array_agg(ot.theme_id order by ot.theme_id)
        from public.organisation_themes ot
        where ot.organisation_id = c.id and ot.theme_id = any (join_suggestions.theme_ids)
      ), '{}') as matched_themes,
      coalesce((
        select array_agg(l order by l) from unnest(c.languages) as l where l = any (join_suggestions.language_ids)
      ), '{}') as matched_languages,
      coalesce((
        select jsonb_agg(jsonb_build_object('weekday', mt.weekday, 'part_of_day', mt.part_of_day)
                         order by mt.weekday, array_position(array['morning', 'afternoon', 'evening'], mt.part_of_day))
        from public.meeting_times mt
        where mt.organisation_id = c.id
      ), '[]'::jsonb) as meets
    from candidate c
    where c.distance_m <= reach
      -- Two years without anyone confirming it: not a place to send a newcomer.
      and c.freshness <> 'expired'
  ),
  timed as (
    select m.*,
      coalesce((
        select jsonb_agg(t)
        from jsonb_array_elements(m.meets) as t
        where ('weekday_daytime' = any (time_slots) and (t ->> 'weekday')::integer <= 5 and t ->> 'part_of_day' <> 'evening')
           or ('weekday_evening' = any (time_slots) and (t ->> 'weekday')::integer <= 5 and t ->> 'part_of_day' = 'evening')
           or ('weekend' = any (time_slots) and (t ->> 'weekday')::integer >= 6)
      ), '[]'::jsonb) as matched_times
    from matched m
  )
  select m.id, m.slug, m.name, m.kind, m.lng, m.lat, m.distance_m, m.open_to_newcomers, m.help_wanted,
         m.matched_themes, m.matched_languages, m.matched_times,
         (10 * cardinality(m.matched_themes)
          + case when cardinality(m.matched_languages) > 0 then 10 else 0 end
          + case when jsonb_array_length(m.matched_times) > 0 then 10 else 0 end
          + case when cardinality(m.help_wanted) > 0 then 5 else 0 end
          + greatest(0, round(10 * (1 - m.distance_m::numeric / reach))))::integer as score,
         m.meeting_times, m.meeting_place, m.join_next_step, m.website, m.email, m.phone,
         m.is_illustrative, m.freshness, m.languages, m.meets,
         -- The language the organisation wrote its texts in, so a page in another says so.
         m.text_language
  from timed m
  order by m.open_to_newcomers desc, score desc, m.distance_m, m.name, m.id
  limit greatest(0, least(max_results, 50));
end
$$;

REVOKE ALL ON FUNCTION public.join_suggestions(from_lng double precision, from_lat double precision, theme_ids text[], language_ids text[], time_slots text[], travel text, max_results integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.join_suggestions(from_lng double precision, from_lat double precision, theme_ids text[], language_ids text[], time_slots text[], travel text, max_results integer) TO anon;
GRANT ALL ON FUNCTION public.join_suggestions(from_lng double precision, from_lat double precision, theme_ids text[], language_ids text[], time_slots text[], travel text, max_results integer) TO authenticated;
GRANT ALL ON FUNCTION public.join_suggestions(from_lng double precision, from_lat double precision, theme_ids text[], language_ids text[], time_slots text[], travel text, max_results integer) TO service_role;
