-- Reference data
--
-- Themes, kinds of organisation and kinds of collaboration: the fixed lists
-- the filters, forms and exports name, and reference_data() that hands them
-- to the app in one call.
--
-- The current definition, one file per domain, applied in the order of the
-- file names (supabase/config.toml, [db.migrations] schema_paths). Changing
-- it takes a migration too: tests/db/declarative-schema.spec.ts fails while
-- the two disagree.

SET check_function_bodies = false;

CREATE FUNCTION public.reference_data() RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
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

CREATE TABLE public.collaboration_kinds (
    id text NOT NULL,
    sort_order smallint NOT NULL,
    CONSTRAINT collaboration_kinds_id_check CHECK ((id ~ '^[a-z_]+$'::text))
);

CREATE TABLE public.organisation_kinds (
    id text NOT NULL,
    kind_group text NOT NULL,
    sort_order smallint NOT NULL,
    CONSTRAINT organisation_kinds_id_check CHECK ((id ~ '^[a-z_]+$'::text)),
    CONSTRAINT organisation_kinds_kind_group_check CHECK ((kind_group = ANY (ARRAY['resident_led'::text, 'enterprise'::text, 'institution'::text, 'other'::text])))
);

CREATE TABLE public.themes (
    id text NOT NULL,
    sort_order smallint NOT NULL,
    CONSTRAINT themes_id_check CHECK ((id ~ '^[a-z]+(-[a-z]+)*$'::text))
);

ALTER TABLE ONLY public.collaboration_kinds
    ADD CONSTRAINT collaboration_kinds_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.organisation_kinds
    ADD CONSTRAINT organisation_kinds_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.themes
    ADD CONSTRAINT themes_pkey PRIMARY KEY (id);

CREATE POLICY "Kinds of collaboration are visible to everyone" ON public.collaboration_kinds FOR SELECT TO authenticated, anon USING (true);

CREATE POLICY "Kinds of organisation are visible to everyone" ON public.organisation_kinds FOR SELECT TO authenticated, anon USING (true);

CREATE POLICY "Themes are visible to everyone" ON public.themes FOR SELECT TO authenticated, anon USING (true);

ALTER TABLE public.collaboration_kinds ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.organisation_kinds ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.themes ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON FUNCTION public.reference_data() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.reference_data() TO anon;
GRANT ALL ON FUNCTION public.reference_data() TO authenticated;
GRANT ALL ON FUNCTION public.reference_data() TO service_role;

REVOKE ALL ON TABLE public.collaboration_kinds FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON TABLE public.collaboration_kinds TO anon;
GRANT SELECT ON TABLE public.collaboration_kinds TO authenticated;
GRANT ALL ON TABLE public.collaboration_kinds TO service_role;

REVOKE ALL ON TABLE public.organisation_kinds FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON TABLE public.organisation_kinds TO anon;
GRANT SELECT ON TABLE public.organisation_kinds TO authenticated;
GRANT ALL ON TABLE public.organisation_kinds TO service_role;

REVOKE ALL ON TABLE public.themes FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON TABLE public.themes TO anon;
GRANT SELECT ON TABLE public.themes TO authenticated;
GRANT ALL ON TABLE public.themes TO service_role;
