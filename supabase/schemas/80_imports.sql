-- Imports
--
-- Import batches (CSV, Kumu) that a coordinator can undo as a whole, and the
-- ties an import could not place yet.
--
-- The current definition, one file per domain, applied in the order of the
-- file names (supabase/config.toml, [db.migrations] schema_paths). Changing
-- it takes a migration too: tests/db/declarative-schema.spec.ts fails while
-- the two disagree.

SET check_function_bodies = false;

CREATE FUNCTION private.close_import_batch(batch uuid, summary jsonb) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  update public.import_batches b set summary = close_import_batch.summary
  where b.id = batch and b.created_by = (select auth.uid()) and b.transaction_id = txid_current();
$$;

CREATE FUNCTION private.import_batch_of(transaction bigint) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select jsonb_build_object('id', b.id, 'label', b.label, 'undone', b.undone_at is not null)
  from public.import_batches b where b.transaction_id = transaction
$$;

CREATE FUNCTION private.keep_pending_tie(batch uuid, organisation uuid, other_name text, organisation_is_source boolean, kind text, description text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if not private.can_edit_organisation(organisation)
     or not exists (
       select 1 from public.import_batches b
       where b.id = batch and b.created_by = (select auth.uid()) and b.transaction_id = txid_current()
     ) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  insert into public.import_pending_ties (batch_id, organisation_id, other_name, organisation_is_source, kind, description)
  values (batch, organisation, btrim(other_name), organisation_is_source, kind, coalesce(description, ''));
end
$$;

CREATE FUNCTION private.open_import_batch(label text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  me uuid := (select auth.uid());
  batch uuid;
begin
  if me is null then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  -- The batch is its transaction's audit lines: one import per transaction.
  if exists (select 1 from public.import_batches b where b.transaction_id = txid_current()) then
    raise exception 'invalid_input' using errcode = '22023',
      hint = 'One import per transaction.';
  end if;
  insert into public.import_batches (label, created_by, transaction_id)
  values (coalesce(nullif(btrim(label), ''), 'import'), me, txid_current())
  returning id into batch;
  return batch;
end
$$;

CREATE FUNCTION private.own_open_batch(batch uuid) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if not exists (
    select 1 from public.import_batches b
    where b.id = batch and b.created_by = (select auth.uid()) and b.transaction_id = txid_current()
  ) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
end
$$;

CREATE FUNCTION private.undo_import_batch(batch uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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
           meeting_place, join_next_step, confirmed_at) =
          (select r.name, r.kind, r.description, r.status, r.lng, r.lat, r.location_precision,
                  r.address, r.postcode, r.city, r.area_id, r.website, r.email, r.phone,
                  r.open_to_newcomers, r.help_wanted, r.languages, r.meeting_times, r.meeting_place,
                  r.join_next_step,
                  -- When it was confirmed before the batch; a line from before
                  -- confirmations were kept has none, and the undo confirms it.
                  coalesce(r.confirmed_at, o.confirmed_at)
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

CREATE FUNCTION public.dismiss_pending_tie(pending_tie_id uuid) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  delete from public.import_pending_ties t where t.id = pending_tie_id;
  if not found then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  return jsonb_build_object('id', pending_tie_id);
end
$$;

CREATE FUNCTION public.import_organisations(batch jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  dry_run boolean := coalesce((batch ->> 'dry_run')::boolean, false);
  all_or_nothing boolean := coalesce((batch ->> 'all_or_nothing')::boolean, false);
  new_status text := coalesce(batch ->> 'status', 'draft');
  batch_id uuid;
  refs jsonb := '{}';
  refused jsonb := '[]';
  created integer := 0;
  updated integer := 0;
  unchanged integer := 0;
  ties_created integer := 0;
  ties_existing integer := 0;
  ties_pending integer := 0;
  item jsonb;
  fields jsonb;
  current_row jsonb;
  merged jsonb;
  saved jsonb;
  from_id uuid;
  to_id uuid;
  inserted integer;
  failure text;
  failed_constraint text;
  summary jsonb;
  columns constant text[] := array[
    'name', 'kind', 'description', 'lng', 'lat', 'location_precision', 'address', 'postcode',
    'city', 'area_id', 'website', 'email', 'phone', 'open_to_newcomers', 'help_wanted',
    'languages', 'meeting_times'];
begin
  if (select auth.uid()) is null then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  perform private.require_object(batch, 8388608);
  if jsonb_typeof(coalesce(batch -> 'organisations', '[]')) <> 'array'
     or jsonb_typeof(coalesce(batch -> 'ties', '[]')) <> 'array'
     or new_status not in ('draft', 'published') then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  if jsonb_array_length(coalesce(batch -> 'organisations', '[]')) > 5000
     or jsonb_array_length(coalesce(batch -> 'ties', '[]')) > 20000 then
    raise exception 'input_too_large' using errcode = '22001',
      hint = 'At most 5,000 organisations and 20,000 ties in one import.';
  end if;

  begin
    batch_id := private.open_import_batch(left(batch ->> 'label', 200));

    for item in select value from jsonb_array_elements(coalesce(batch -> 'organisations', '[]')) loop
      begin
        if jsonb_typeof(item -> 'fields') <> 'object' then
          raise exception 'invalid_input' using errcode = '22023';
        end if;
        -- Only the columns an import may set, and themes.
        select coalesce(jsonb_object_agg(key, value), '{}') into fields
        from jsonb_each(item -> 'fields') where key = any (columns) or key = 'themes';

        if item ->> 'id' is null then
          saved := public.save_organisation(fields || jsonb_build_object('status', new_status));
          created := created + 1;
        else
          select to_jsonb(o) || jsonb_build_object('themes', coalesce((
                   select jsonb_agg(ot.theme_id order by ot.theme_id)
                   from public.organisation_themes ot where ot.organisation_id = o.id), '[]'))
            into current_row
          from public.organisations o where o.id = (item ->> 'id')::uuid;
          if current_row is null then
            raise exception 'not_allowed' using errcode = '42501';
          end if;
          if fields ? 'themes' then
            fields := jsonb_set(fields, '{themes}', coalesce((
              select jsonb_agg(distinct t order by t) from jsonb_array_elements_text(fields -> 'themes') t), '[]'));
          end if;
          merged := current_row || fields;
          -- A row that changes nothing writes nothing, whoever may edit it: an
          -- atlas's own export reads back in as "unchanged".
          if merged = current_row then
            unchanged := unchanged + 1;
            saved := jsonb_build_object('id', current_row ->> 'id');
          elsif not private.can_edit_organisation((item ->> 'id')::uuid) then
            raise exception 'not_allowed' using errcode = '42501';
          else
            saved := public.save_organisation(merged, (current_row ->> 'version')::integer);
            updated := updated + 1;
          end if;
        end if;
        if item ->> 'ref' is not null then
          refs := refs || jsonb_build_object(item ->> 'ref', saved ->> 'id');
        end if;
      exception when others then
        get stacked diagnostics failure = message_text, failed_constraint = constraint_name;
        refused := refused || jsonb_build_object(
          'sheet', 'organisations', 'row', item -> 'row',
          'reason', failure, 'constraint', nullif(failed_constraint, ''));
      end;
    end loop;

    for item in select value from jsonb_array_elements(coalesce(batch -> 'ties', '[]')) loop
      begin
        from_id := coalesce((refs ->> (item ->> 'from'))::uuid, private.organisation_id_or_null(item ->> 'from'));
        to_id := coalesce((refs ->> (item ->> 'to'))::uuid, private.organisation_id_or_null(item ->> 'to'));
        if from_id is not null and to_id is not null
           and exists (select 1 from public.collaborations c
                       where c.source_id = from_id
                         and c.target_id = to_id
                         and c.kind = coalesce(item ->> 'kind', 'partnership')) then
          -- Already in the atlas, whoever may edit it: nothing to write.
          ties_existing := ties_existing + 1;
        elsif from_id is not null and to_id is not null then
          insert into public.collaborations (source_id, target_id, kind, status, description)
          values (from_id, to_id, coalesce(item ->> 'kind', 'partnership'), 'active',
                  coalesce(item ->> 'description', ''))
          on conflict do nothing;
          get diagnostics inserted = row_count;
          if inserted = 1 then
            ties_created := ties_created + 1;
          else
            ties_existing := ties_existing + 1;
          end if;
        elsif (from_id is null) <> (to_id is null) and nullif(btrim(item ->> 'other_name'), '') is not null then
          perform private.keep_pending_tie(batch_id, coalesce(from_id, to_id), item ->> 'other_name',
                                           from_id is not null, coalesce(item ->> 'kind', 'partnership'),
                                           item ->> 'description');
          ties_pending := ties_pending + 1;
        else
          raise exception 'tie_side_unknown' using errcode = '22023';
        end if;
      exception when others then
        get stacked diagnostics failure = message_text, failed_constraint = constraint_name;
        refused := refused || jsonb_build_object(
          'sheet', 'ties', 'row', item -> 'row',
          'reason', failure, 'constraint', nullif(failed_constraint, ''));
      end;
    end loop;

    summary := jsonb_build_object(
      'created', created, 'updated', updated, 'unchanged', unchanged,
      'ties_created', ties_created, 'ties_existing', ties_existing, 'ties_pending', ties_pending,
      'refused', jsonb_array_length(refused));
    perform private.close_import_batch(batch_id, summary);

    -- A preview, or a refusal under "all or nothing": undo every write of this block.
    if dry_run or (all_or_nothing and jsonb_array_length(refused) > 0) then
      raise exception using errcode = 'P0001', message = 'import_not_written';
    end if;
  exception when raise_exception then
    if sqlerrm <> 'import_not_written' then
      raise;
    end if;
    batch_id := null;
    refs := '{}';
  end;

  return summary || jsonb_build_object(
    'batch_id', batch_id, 'written', batch_id is not null, 'refused_rows', refused, 'ids', refs);
end
$$;

CREATE FUNCTION public.pending_ties(organisation_id uuid) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', t.id, 'other_name', t.other_name, 'organisation_is_source', t.organisation_is_source,
    'kind', t.kind, 'description', t.description, 'created_at', t.created_at
  ) order by t.other_name, t.id), '[]'::jsonb)
  from public.import_pending_ties t
  where t.organisation_id = pending_ties.organisation_id
$$;

CREATE FUNCTION public.recent_imports() RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', b.id, 'label', b.label, 'created_at', b.created_at, 'summary', b.summary,
    'undone_at', b.undone_at, 'mine', b.created_by = (select auth.uid())
  ) order by b.created_at desc), '[]'::jsonb)
  from (select * from public.import_batches order by created_at desc limit 50) b
$$;

CREATE FUNCTION public.undo_import(batch_id uuid) RETURNS jsonb
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  select private.undo_import_batch(batch_id);
$$;

CREATE TABLE public.import_batches (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    label text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    transaction_id bigint NOT NULL,
    summary jsonb DEFAULT '{}'::jsonb NOT NULL,
    undone_at timestamp with time zone,
    undone_by uuid,
    CONSTRAINT import_batches_label_check CHECK (((char_length(btrim(label)) >= 1) AND (char_length(btrim(label)) <= 200))),
    CONSTRAINT import_batches_summary_check CHECK ((octet_length((summary)::text) <= 4096)),
    CONSTRAINT import_batches_undone_together CHECK (((undone_at IS NULL) = (undone_by IS NULL)))
);

CREATE TABLE public.import_pending_ties (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    batch_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    other_name text NOT NULL,
    organisation_is_source boolean NOT NULL,
    kind text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT import_pending_ties_description_check CHECK ((char_length(description) <= 1000)),
    CONSTRAINT import_pending_ties_other_name_check CHECK (((char_length(btrim(other_name)) >= 1) AND (char_length(btrim(other_name)) <= 160)))
);

ALTER TABLE ONLY public.import_batches
    ADD CONSTRAINT import_batches_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.import_batches
    ADD CONSTRAINT import_batches_transaction_id_key UNIQUE (transaction_id);

ALTER TABLE ONLY public.import_pending_ties
    ADD CONSTRAINT import_pending_ties_pkey PRIMARY KEY (id);

CREATE INDEX import_batches_created_by_idx ON public.import_batches USING btree (created_by);

CREATE INDEX import_batches_undone_by_idx ON public.import_batches USING btree (undone_by);

CREATE INDEX import_pending_ties_batch_id_idx ON public.import_pending_ties USING btree (batch_id);

CREATE INDEX import_pending_ties_kind_idx ON public.import_pending_ties USING btree (kind);

CREATE INDEX import_pending_ties_organisation_id_idx ON public.import_pending_ties USING btree (organisation_id);

ALTER TABLE ONLY private.area_changes
    ADD CONSTRAINT area_changes_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES public.import_batches(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.import_batches
    ADD CONSTRAINT import_batches_created_by_fkey FOREIGN KEY (created_by) REFERENCES auth.users(id);

ALTER TABLE ONLY public.import_batches
    ADD CONSTRAINT import_batches_undone_by_fkey FOREIGN KEY (undone_by) REFERENCES auth.users(id);

ALTER TABLE ONLY public.import_pending_ties
    ADD CONSTRAINT import_pending_ties_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES public.import_batches(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.import_pending_ties
    ADD CONSTRAINT import_pending_ties_kind_fkey FOREIGN KEY (kind) REFERENCES public.collaboration_kinds(id);

ALTER TABLE ONLY public.import_pending_ties
    ADD CONSTRAINT import_pending_ties_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

CREATE POLICY "Editors dismiss the pending ties of what they edit" ON public.import_pending_ties FOR DELETE TO authenticated USING (private.can_edit_organisation(organisation_id));

CREATE POLICY "Editors see the pending ties of what they edit" ON public.import_pending_ties FOR SELECT TO authenticated USING ((organisation_id IN ( SELECT private.editable_organisation_ids() AS editable_organisation_ids)));

CREATE POLICY "Importers see their batches; coordinators all of them" ON public.import_batches FOR SELECT TO authenticated USING (((created_by = ( SELECT auth.uid() AS uid)) OR ( SELECT private.is_moderator() AS is_moderator)));

ALTER TABLE public.import_batches ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.import_pending_ties ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON FUNCTION private.close_import_batch(batch uuid, summary jsonb) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.close_import_batch(batch uuid, summary jsonb) TO authenticated;

REVOKE ALL ON FUNCTION private.import_batch_of(transaction bigint) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.import_batch_of(transaction bigint) TO authenticated;

REVOKE ALL ON FUNCTION private.keep_pending_tie(batch uuid, organisation uuid, other_name text, organisation_is_source boolean, kind text, description text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.keep_pending_tie(batch uuid, organisation uuid, other_name text, organisation_is_source boolean, kind text, description text) TO authenticated;

REVOKE ALL ON FUNCTION private.open_import_batch(label text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.open_import_batch(label text) TO authenticated;

REVOKE ALL ON FUNCTION private.own_open_batch(batch uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.own_open_batch(batch uuid) TO authenticated;

REVOKE ALL ON FUNCTION private.undo_import_batch(batch uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.undo_import_batch(batch uuid) TO authenticated;

REVOKE ALL ON FUNCTION public.dismiss_pending_tie(pending_tie_id uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.dismiss_pending_tie(pending_tie_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.dismiss_pending_tie(pending_tie_id uuid) TO service_role;

REVOKE ALL ON FUNCTION public.import_organisations(batch jsonb) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.import_organisations(batch jsonb) TO authenticated;
GRANT ALL ON FUNCTION public.import_organisations(batch jsonb) TO service_role;

REVOKE ALL ON FUNCTION public.pending_ties(organisation_id uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.pending_ties(organisation_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.pending_ties(organisation_id uuid) TO service_role;

REVOKE ALL ON FUNCTION public.recent_imports() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.recent_imports() TO authenticated;
GRANT ALL ON FUNCTION public.recent_imports() TO service_role;

REVOKE ALL ON FUNCTION public.undo_import(batch_id uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.undo_import(batch_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.undo_import(batch_id uuid) TO service_role;

REVOKE ALL ON TABLE public.import_batches FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON TABLE public.import_batches TO service_role;
GRANT SELECT ON TABLE public.import_batches TO authenticated;

REVOKE ALL ON TABLE public.import_pending_ties FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON TABLE public.import_pending_ties TO service_role;
GRANT SELECT,DELETE ON TABLE public.import_pending_ties TO authenticated;
