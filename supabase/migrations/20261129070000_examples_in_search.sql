-- =============================================================================
-- A made-up entry is marked wherever one is named: search answers say so too
--
-- search_organisations() answers whether each hit is illustrative, so the
-- search box's suggestions carry the "Voorbeeld" badge as the list, the
-- detail, Meedoen and the network do. Its return type changes, so it is
-- dropped and made anew, with the same grants.
-- =============================================================================

drop function public.search_organisations(text, integer);

CREATE FUNCTION public.search_organisations(query text, max_results integer DEFAULT 10) RETURNS TABLE(id uuid, slug text, name text, kind text, lng double precision, lat double precision, score real, illustrative boolean)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET jit TO 'off'
    AS $$
#variable_conflict use_column
declare
  wanted text;
  words text[];
  candidates uuid[];
begin
  if char_length(query) > 200 then
    raise exception 'query_too_long' using errcode = '22001',
      hint = 'Search for at most 200 characters.';
  end if;
  wanted := private.normalise_search_text(query);
  if wanted = '' then
    return;
  end if;
  words := array_remove(string_to_array(wanted, ' '), '');
  if cardinality(words) > 20 then
    raise exception 'query_too_long' using errcode = '22001';
  end if;
  candidates := private.search_candidates(wanted, least(greatest(coalesce(max_results, 10), 1), 50));
  return query
    select o.id, o.slug, o.name, o.kind, o.lng, o.lat,
           (case
              when o.search_name = wanted then 3
              when o.search_name like wanted || '%' then 2
              when position(wanted in o.search_name) > 0 then 1.5
              else 0
            end
            + extensions.word_similarity(wanted, o.search_name)
            -- of two names that both contain the query, the one it covers most
            + extensions.similarity(wanted, o.search_name))::real as score,
           o.is_illustrative
    from public.organisations o
    where o.id = any (candidates)
      and o.status <> 'archived'
    order by score desc, o.name, o.id
    limit least(greatest(coalesce(max_results, 10), 1), 50);
end
$$;

REVOKE ALL ON FUNCTION public.search_organisations(query text, max_results integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.search_organisations(query text, max_results integer) TO PUBLIC;
GRANT ALL ON FUNCTION public.search_organisations(query text, max_results integer) TO anon;
GRANT ALL ON FUNCTION public.search_organisations(query text, max_results integer) TO authenticated;
GRANT ALL ON FUNCTION public.search_organisations(query text, max_results integer) TO service_role;
