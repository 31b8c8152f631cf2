-- Collaborations
--
-- Ties between organisations: proposed by one side, confirmed by the other,
-- ended when they end.
--
-- The current definition, one file per domain, applied in the order of the
-- file names (supabase/config.toml, [db.migrations] schema_paths). Changing
-- it takes a migration too: tests/db/declarative-schema.spec.ts fails while
-- the two disagree.

SET check_function_bodies = false;

CREATE FUNCTION private.can_confirm_collaboration(source uuid, target uuid, proposer uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select private.coordinates_organisation(source)
      or private.coordinates_organisation(target)
      or case
           when proposer = source then private.can_edit_organisation(target)
           when proposer = target then private.can_edit_organisation(source)
           else private.can_edit_organisation(source) or private.can_edit_organisation(target)
         end
$$;

CREATE FUNCTION private.collaborations_among(organisations uuid[], as_of date) RETURNS TABLE(id uuid, source_id uuid, target_id uuid, kind text, status text, started_on date, ended_on date)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    AS $$
begin
  if as_of is null then
    return query
      select c.id, c.source_id, c.target_id, c.kind, c.status, c.started_on, c.ended_on
      from public.collaborations c
      join (select unnest(organisations) as id) a on a.id = c.source_id
      join (select unnest(organisations) as id) b on b.id = c.target_id;
    return;
  end if;
  -- At a date: the ties known to run then, and those that ended in the year
  -- before it (as 'ended', so a view can mark them). A tie without a known
  -- start is left out: it is not known to have run then.
  return query
    select c.id, c.source_id, c.target_id, c.kind,
           case when private.period_end(c.ended_on, c.ended_precision) < as_of then 'ended'
                else 'active' end,
           c.started_on, c.ended_on
    from public.collaborations c
    join (select unnest(organisations) as id) a on a.id = c.source_id
    join (select unnest(organisations) as id) b on b.id = c.target_id
    where c.status <> 'proposed' and c.started_on <= as_of
      and (c.ended_on is null or private.period_end(c.ended_on, c.ended_precision) >= as_of - 365);
end
$$;

CREATE FUNCTION private.guard_collaboration() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    SET "TimeZone" TO 'Europe/Amsterdam'
    AS $$
begin
  -- A date given without saying how precise it is, is a day.
  if new.started_on is not null and new.started_precision is null then
    new.started_precision := 'day';
  end if;
  if new.ended_on is not null and new.ended_precision is null then
    new.ended_precision := 'day';
  end if;
  if not private.is_api_request() then
    return new;
  end if;
  -- Proposing, confirming or ending a tie is a statement about it, made now.
  new.confirmed_at := now();

  if tg_op = 'INSERT' then
    new.proposed_by := case when private.can_edit_organisation(new.source_id)
                            then new.source_id else new.target_id end;
    -- From one side it is a proposal, whatever was asked; only someone who
    -- may also confirm it starts it as active.
    if new.status = 'active'
       and not private.can_confirm_collaboration(new.source_id, new.target_id, new.proposed_by) then
      new.status := 'proposed';
    end if;
    if new.status = 'active' and new.started_on is null then
      new.started_on := current_date;
      new.started_precision := 'day';
    elsif new.status <> 'proposed' then
      raise exception 'collaboration_transition' using errcode = '42501';
    end if;
    return new;
  end if;

  if old.status = 'ended' then
    -- An ended tie is history: only when it ran may still be put right.
    if (to_jsonb(new) - array['started_on', 'started_precision', 'ended_on', 'ended_precision', 'confirmed_at'])
       = (to_jsonb(old) - array['started_on', 'started_precision', 'ended_on', 'ended_precision', 'confirmed_at']) then
      return new;
    end if;
    raise exception 'collaboration_ended' using errcode = '42501',
      hint = 'An ended collaboration is history; propose a new one instead.';
  end if;
  if new.status = old.status then
    return new;
  end if;
  if old.status = 'proposed' and new.status = 'active' then
    if not private.can_confirm_collaboration(old.source_id, old.target_id, old.proposed_by) then
      raise exception 'confirm_requires_other_side' using errcode = '42501',
        hint = 'The side that proposed a collaboration cannot confirm it.';
    end if;
    if new.started_on is null then
      new.started_on := current_date;
      new.started_precision := 'day';
    end if;
  elsif new.status = 'ended' then
    if new.ended_on is null then
      new.ended_on := current_date;
      new.ended_precision := 'day';
    end if;
  else
    raise exception 'collaboration_transition' using errcode = '42501';
  end if;
  return new;
end
$$;

CREATE FUNCTION public.confirm_collaboration(collaboration_id uuid) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  current_status text;
begin
  select c.status into current_status from public.collaborations c where c.id = collaboration_id;
  if current_status is null then
    raise exception 'not_found' using errcode = 'PT404';
  elsif current_status = 'active' then
    raise exception 'collaboration_already_active' using errcode = 'PT409';
  elsif current_status = 'ended' then
    raise exception 'collaboration_ended' using errcode = 'PT409';
  end if;
  update public.collaborations c set status = 'active'
  where c.id = collaboration_id and c.status = 'proposed';
  if not found then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  return jsonb_build_object('id', collaboration_id, 'status', 'active');
end
$$;

CREATE FUNCTION public.end_collaboration(collaboration_id uuid) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  current_status text;
begin
  select c.status into current_status from public.collaborations c where c.id = collaboration_id;
  if current_status is null then
    raise exception 'not_found' using errcode = 'PT404';
  elsif current_status = 'ended' then
    raise exception 'collaboration_ended' using errcode = 'PT409';
  end if;
  update public.collaborations c set status = 'ended'
  where c.id = collaboration_id and c.status in ('proposed', 'active');
  if not found then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  return jsonb_build_object('id', collaboration_id, 'status', 'ended');
end
$$;

CREATE FUNCTION public.propose_collaboration(from_organisation uuid, to_organisation uuid, collaboration_kind text, description text DEFAULT ''::text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  new_id uuid := gen_random_uuid();
begin
  if char_length(propose_collaboration.description) > 1000 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  if not private.can_edit_organisation(from_organisation) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  insert into public.collaborations (id, source_id, target_id, kind, status, description)
  values (new_id, from_organisation, to_organisation, collaboration_kind, 'proposed',
          coalesce(propose_collaboration.description, ''));
  return jsonb_build_object('id', new_id, 'status', 'proposed');
end
$$;

CREATE FUNCTION public.set_collaboration_dates(collaboration_id uuid, started_on date, started_precision text, ended_on date DEFAULT NULL::date, ended_precision text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    SET "TimeZone" TO 'Europe/Amsterdam'
    AS $$
declare
  tie public.collaborations;
  first_day date := private.period_start(set_collaboration_dates.started_on, set_collaboration_dates.started_precision);
  last_day date := private.period_start(set_collaboration_dates.ended_on, set_collaboration_dates.ended_precision);
begin
  if (set_collaboration_dates.started_on is null) <> (set_collaboration_dates.started_precision is null)
     or (set_collaboration_dates.ended_on is null) <> (set_collaboration_dates.ended_precision is null)
     or set_collaboration_dates.started_precision not in ('day', 'month', 'year')
     or set_collaboration_dates.ended_precision not in ('day', 'month', 'year') then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  select * into tie from public.collaborations c where c.id = collaboration_id;
  if tie.id is null
     or not (private.can_edit_organisation(tie.source_id) or private.can_edit_organisation(tie.target_id)) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  if tie.status = 'proposed' then
    raise exception 'collaboration_transition' using errcode = '42501',
      hint = 'A proposal starts when it is confirmed.';
  end if;
  -- An end only for what ended; nothing in the future; the end not before the start.
  if (set_collaboration_dates.ended_on is not null) <> (tie.status = 'ended')
     or first_day > current_date or last_day > current_date
     or private.period_end(last_day, set_collaboration_dates.ended_precision) < first_day then
    raise exception 'invalid_period' using errcode = '22023',
      hint = 'A start and, for an ended collaboration, an end: not in the future, the end not before the start.';
  end if;
  update public.collaborations c set
    started_on = first_day, started_precision = set_collaboration_dates.started_precision,
    ended_on = last_day, ended_precision = set_collaboration_dates.ended_precision
  where c.id = collaboration_id;
  return jsonb_build_object('id', collaboration_id, 'started_on', first_day,
                            'started_precision', set_collaboration_dates.started_precision,
                            'ended_on', last_day, 'ended_precision', set_collaboration_dates.ended_precision);
end
$$;

CREATE TABLE public.collaborations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    source_id uuid NOT NULL,
    target_id uuid NOT NULL,
    kind text NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    started_on date,
    ended_on date,
    is_illustrative boolean DEFAULT false NOT NULL,
    source text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    proposed_by uuid,
    confirmed_at timestamp with time zone DEFAULT now() NOT NULL,
    started_precision text,
    ended_precision text,
    CONSTRAINT collaborations_end_has_precision CHECK (((ended_on IS NULL) = (ended_precision IS NULL))),
    CONSTRAINT collaborations_ended_precision_check CHECK ((ended_precision = ANY (ARRAY['day'::text, 'month'::text, 'year'::text]))),
    CONSTRAINT collaborations_start_has_precision CHECK (((started_on IS NULL) = (started_precision IS NULL))),
    CONSTRAINT collaborations_started_precision_check CHECK ((started_precision = ANY (ARRAY['day'::text, 'month'::text, 'year'::text]))),
    CONSTRAINT collaborations_description_check CHECK ((char_length(description) <= 1000)),
    CONSTRAINT collaborations_ended_has_end CHECK (((status = 'ended'::text) = (ended_on IS NOT NULL))),
    CONSTRAINT collaborations_not_with_itself CHECK ((source_id <> target_id)),
    CONSTRAINT collaborations_period_in_order CHECK (((ended_on IS NULL) OR (started_on IS NULL) OR (ended_on >= started_on))),
    CONSTRAINT collaborations_source_check CHECK ((char_length(source) <= 500)),
    CONSTRAINT collaborations_status_check CHECK ((status = ANY (ARRAY['proposed'::text, 'active'::text, 'ended'::text])))
);

ALTER TABLE ONLY public.collaborations
    ADD CONSTRAINT collaborations_pkey PRIMARY KEY (id);

CREATE INDEX collaborations_kind_idx ON public.collaborations USING btree (kind);

CREATE UNIQUE INDEX collaborations_once_per_kind_idx ON public.collaborations USING btree (source_id, target_id, kind) WHERE (status <> 'ended'::text);

CREATE INDEX collaborations_proposed_by_idx ON public.collaborations USING btree (proposed_by);

CREATE INDEX collaborations_source_id_idx ON public.collaborations USING btree (source_id);

CREATE INDEX collaborations_status_idx ON public.collaborations USING btree (status);

CREATE INDEX collaborations_target_id_idx ON public.collaborations USING btree (target_id);

CREATE TRIGGER collaborations_guard BEFORE INSERT OR UPDATE ON public.collaborations FOR EACH ROW EXECUTE FUNCTION private.guard_collaboration();

CREATE TRIGGER collaborations_touch_updated_at BEFORE UPDATE ON public.collaborations FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

ALTER TABLE ONLY public.collaborations
    ADD CONSTRAINT collaborations_kind_fkey FOREIGN KEY (kind) REFERENCES public.collaboration_kinds(id);

ALTER TABLE ONLY public.collaborations
    ADD CONSTRAINT collaborations_proposed_by_fkey FOREIGN KEY (proposed_by) REFERENCES public.organisations(id);

ALTER TABLE ONLY public.collaborations
    ADD CONSTRAINT collaborations_source_id_fkey FOREIGN KEY (source_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.collaborations
    ADD CONSTRAINT collaborations_target_id_fkey FOREIGN KEY (target_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

CREATE POLICY "Collaborations between published organisations are visible to e" ON public.collaborations FOR SELECT TO anon USING (((EXISTS ( SELECT 1
   FROM public.organisations o
  WHERE ((o.id = collaborations.source_id) AND (o.status = 'published'::text)))) AND (EXISTS ( SELECT 1
   FROM public.organisations o
  WHERE ((o.id = collaborations.target_id) AND (o.status = 'published'::text))))));

CREATE POLICY "Either side confirms or ends a collaboration" ON public.collaborations FOR UPDATE TO authenticated USING ((private.can_edit_organisation(source_id) OR private.can_edit_organisation(target_id))) WITH CHECK ((private.can_edit_organisation(source_id) OR private.can_edit_organisation(target_id)));

CREATE POLICY "Members propose collaborations from their organisation" ON public.collaborations FOR INSERT TO authenticated WITH CHECK ((private.can_edit_organisation(source_id) OR private.can_edit_organisation(target_id)));

CREATE POLICY "Signed-in users see collaborations between organisations they c" ON public.collaborations FOR SELECT TO authenticated USING (((EXISTS ( SELECT 1
   FROM public.organisations o
  WHERE (o.id = collaborations.source_id))) AND (EXISTS ( SELECT 1
   FROM public.organisations o
  WHERE (o.id = collaborations.target_id)))));

ALTER TABLE public.collaborations ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON FUNCTION private.can_confirm_collaboration(source uuid, target uuid, proposer uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.can_confirm_collaboration(source uuid, target uuid, proposer uuid) TO authenticated;
GRANT ALL ON FUNCTION private.can_confirm_collaboration(source uuid, target uuid, proposer uuid) TO service_role;

REVOKE ALL ON FUNCTION private.collaborations_among(organisations uuid[], as_of date) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.collaborations_among(organisations uuid[], as_of date) TO anon;
GRANT ALL ON FUNCTION private.collaborations_among(organisations uuid[], as_of date) TO authenticated;
GRANT ALL ON FUNCTION private.collaborations_among(organisations uuid[], as_of date) TO service_role;

REVOKE ALL ON FUNCTION private.guard_collaboration() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION public.confirm_collaboration(collaboration_id uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.confirm_collaboration(collaboration_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.confirm_collaboration(collaboration_id uuid) TO service_role;

REVOKE ALL ON FUNCTION public.end_collaboration(collaboration_id uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.end_collaboration(collaboration_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.end_collaboration(collaboration_id uuid) TO service_role;

REVOKE ALL ON FUNCTION public.set_collaboration_dates(collaboration_id uuid, started_on date, started_precision text, ended_on date, ended_precision text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.set_collaboration_dates(collaboration_id uuid, started_on date, started_precision text, ended_on date, ended_precision text) TO authenticated;
GRANT ALL ON FUNCTION public.set_collaboration_dates(collaboration_id uuid, started_on date, started_precision text, ended_on date, ended_precision text) TO service_role;

REVOKE ALL ON FUNCTION public.propose_collaboration(from_organisation uuid, to_organisation uuid, collaboration_kind text, description text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.propose_collaboration(from_organisation uuid, to_organisation uuid, collaboration_kind text, description text) TO authenticated;
GRANT ALL ON FUNCTION public.propose_collaboration(from_organisation uuid, to_organisation uuid, collaboration_kind text, description text) TO service_role;

REVOKE ALL ON TABLE public.collaborations FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON TABLE public.collaborations TO anon;
GRANT SELECT ON TABLE public.collaborations TO authenticated;
GRANT ALL ON TABLE public.collaborations TO service_role;

GRANT INSERT(id) ON TABLE public.collaborations TO authenticated;

GRANT INSERT(source_id) ON TABLE public.collaborations TO authenticated;

GRANT INSERT(target_id) ON TABLE public.collaborations TO authenticated;

GRANT INSERT(kind) ON TABLE public.collaborations TO authenticated;

GRANT INSERT(status),UPDATE(status) ON TABLE public.collaborations TO authenticated;

GRANT INSERT(description),UPDATE(description) ON TABLE public.collaborations TO authenticated;

GRANT INSERT(started_on),UPDATE(started_on) ON TABLE public.collaborations TO authenticated;

GRANT UPDATE(ended_on) ON TABLE public.collaborations TO authenticated;

GRANT UPDATE(confirmed_at) ON TABLE public.collaborations TO authenticated;

GRANT UPDATE(started_precision),UPDATE(ended_precision) ON TABLE public.collaborations TO authenticated;
