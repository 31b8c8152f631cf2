-- ---------------------------------------------------------------------------
-- How a newcomer joins, as data a query can match: when an organisation meets
-- (weekday and part of the day; the free text in meeting_times stays, for the
-- details), where, and the next step to take. And the ranking that answers
-- "where can I join?", in SQL, so hosted and embedded give the same answer
-- under the same row-level security.
-- ---------------------------------------------------------------------------

alter table public.organisations
  add column meeting_place text check (char_length(meeting_place) <= 200),
  add column join_next_step text check (char_length(join_next_step) <= 300);

create table public.meeting_times (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  -- ISO weekdays: 1 is Monday, 7 is Sunday.
  weekday smallint not null check (weekday between 1 and 7),
  part_of_day text not null check (part_of_day in ('morning', 'afternoon', 'evening')),
  primary key (organisation_id, weekday, part_of_day)
);
alter table public.meeting_times enable row level security;

create policy "Meeting times of a visible organisation are visible"
  on public.meeting_times for select
  to anon, authenticated
  using (exists (select 1 from public.organisations o where o.id = organisation_id));

-- ---------------------------------------------------------------------------
-- join_suggestions: organisations to join near a place, best first.
--
-- Within reach only: 1.5 km on foot, 5 km by bike, as the crow flies. Then:
--   1. open to newcomers first, always: one that is not never comes first;
--   2. a score, every part of which the app can put into words:
--        10 per shared theme, 10 for a shared language, 10 for meeting at a
--        time the newcomer has, 5 for asking for help, and up to 10 for
--        being near (10 at the door, 0 at the edge of reach);
--   3. nearer first, then by name, then by id: the same order every time.
-- Every answer is optional: with none, this is "open to newcomers, nearest
-- first" around the place given (the app gives the map's centre).
-- time_slots: 'weekday_daytime', 'weekday_evening', 'weekend'.
-- ---------------------------------------------------------------------------
create function public.join_suggestions(
  from_lng double precision,
  from_lat double precision,
  theme_ids text[] default null,
  language_ids text[] default null,
  time_slots text[] default null,
  travel text default 'walk',
  max_results integer default 10
)
returns table (
  id uuid,
  slug text,
  name text,
  kind text,
  lng double precision,
  lat double precision,
  distance_m integer,
  open_to_newcomers boolean,
  help_wanted text[],
  matched_themes text[],
  matched_languages text[],
  matched_times jsonb,
  score integer,
  meeting_times text,
  meeting_place text,
  join_next_step text,
  website text,
  email text,
  phone text
)
language sql
stable
security invoker
set search_path = ''
as $$
  with reach as (
    select case when travel = 'cycle' then 5000 else 1500 end as metres
  ),
  candidate as (
    select o.id, o.slug, o.name, o.kind, o.lng, o.lat, o.open_to_newcomers, o.help_wanted,
           o.languages, o.meeting_times, o.meeting_place, o.join_next_step, o.website, o.email,
           o.phone,
           round(6371000 * 2 * asin(sqrt(
             power(sin(radians(o.lat - from_lat) / 2), 2) +
             cos(radians(from_lat)) * cos(radians(o.lat)) * power(sin(radians(o.lng - from_lng) / 2), 2)
           )))::integer as distance_m
    from public.organisations o
    where o.lng is not null and o.lat is not null
  ),
  matched as (
    select c.*,
      coalesce((
        select array_agg(ot.theme_id order by ot.theme_id)
        from public.organisation_themes ot
        where ot.organisation_id = c.id and ot.theme_id = any (theme_ids)
      ), '{}') as matched_themes,
      coalesce((
        select array_agg(l order by l) from unnest(c.languages) as l where l = any (language_ids)
      ), '{}') as matched_languages,
      coalesce((
        select jsonb_agg(jsonb_build_object('weekday', mt.weekday, 'part_of_day', mt.part_of_day)
                         order by mt.weekday, array_position(array['morning', 'afternoon', 'evening'], mt.part_of_day))
        from public.meeting_times mt
        where mt.organisation_id = c.id
          and (
            ('weekday_daytime' = any (time_slots) and mt.weekday <= 5 and mt.part_of_day <> 'evening')
            or ('weekday_evening' = any (time_slots) and mt.weekday <= 5 and mt.part_of_day = 'evening')
            or ('weekend' = any (time_slots) and mt.weekday >= 6)
          )
      ), '[]'::jsonb) as matched_times
    from candidate c, reach r
    where c.distance_m <= r.metres
  )
  select m.id, m.slug, m.name, m.kind, m.lng, m.lat, m.distance_m, m.open_to_newcomers, m.help_wanted,
         m.matched_themes, m.matched_languages, m.matched_times,
         (10 * cardinality(m.matched_themes)
          + case when cardinality(m.matched_languages) > 0 then 10 else 0 end
          + case when jsonb_array_length(m.matched_times) > 0 then 10 else 0 end
          + case when cardinality(m.help_wanted) > 0 then 5 else 0 end
          + greatest(0, round(10 * (1 - m.distance_m::numeric / r.metres))))::integer as score,
         m.meeting_times, m.meeting_place, m.join_next_step, m.website, m.email, m.phone
  from matched m, reach r
  order by m.open_to_newcomers desc, score desc, m.distance_m, m.name, m.id
  limit greatest(0, least(max_results, 50))
$$;
