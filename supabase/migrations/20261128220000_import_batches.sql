-- =============================================================================
-- Imports: a district's network brought in from a spreadsheet, as one batch.
--
-- A coordinator (or a member, for their own organisation) sends the rows the
-- app has parsed, mapped, placed and matched. import_organisations() writes
-- them in one transaction through save_organisation() and the collaborations
-- table, so every row meets the same policies, triggers and checks as an edit
-- by hand; each refused row is reported with its row number and the reason,
-- and the user chooses whether the rest goes in ("skip what is refused") or
-- nothing does ("all or nothing"). The same call with dry_run answers what
-- would happen and writes nothing: the app's preview asks the database itself.
--
-- The batch is the transaction: its lines in the audit log are those of the
-- transaction that wrote it (audit_log.transaction_id), so the history names
-- the batch, and undo_import() reverts exactly those lines, newest first.
-- A tie whose other side is not in the atlas is kept as a pending tie, with
-- the name as the file gave it, until someone adds that organisation.
-- =============================================================================

create table public.import_batches (
  id uuid primary key default gen_random_uuid(),
  -- What the user imported, as they would recognise it: the file's name.
  label text not null check (char_length(btrim(label)) between 1 and 200),
  created_by uuid not null references auth.users (id),
  created_at timestamptz not null default now(),
  -- The transaction that wrote the batch; its audit lines are the batch.
  transaction_id bigint not null unique,
  summary jsonb not null default '{}' check (octet_length(summary::text) <= 4096),
  undone_at timestamptz,
  undone_by uuid references auth.users (id),
  constraint import_batches_undone_together check ((undone_at is null) = (undone_by is null))
);
alter table public.import_batches enable row level security;
create index import_batches_created_by_idx on public.import_batches (created_by);
create index import_batches_undone_by_idx on public.import_batches (undone_by);

revoke all on public.import_batches from anon, authenticated;
grant select on public.import_batches to authenticated;

create policy "Importers see their batches; coordinators all of them"
  on public.import_batches for select
  to authenticated
  using (created_by = (select auth.uid()) or (select private.is_moderator()));

create table public.import_pending_ties (
  id uuid primary key default gen_random_uuid(),
  batch_id uuid not null references public.import_batches (id) on delete cascade,
  -- The side that is in the atlas.
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  -- The other side, as the file named it.
  other_name text not null check (char_length(btrim(other_name)) between 1 and 160),
  -- Whether the known side is the source of the tie (From) or its target (To).
  organisation_is_source boolean not null,
  kind text not null references public.collaboration_kinds (id),
  description text not null default '' check (char_length(description) <= 1000),
  created_at timestamptz not null default now()
);
alter table public.import_pending_ties enable row level security;
create index import_pending_ties_batch_id_idx on public.import_pending_ties (batch_id);
create index import_pending_ties_organisation_id_idx on public.import_pending_ties (organisation_id);
create index import_pending_ties_kind_idx on public.import_pending_ties (kind);

revoke all on public.import_pending_ties from anon, authenticated;
grant select, delete on public.import_pending_ties to authenticated;

create policy "Editors see the pending ties of what they edit"
  on public.import_pending_ties for select
  to authenticated
  using (organisation_id in (select private.editable_organisation_ids()));
create policy "Editors dismiss the pending ties of what they edit"
  on public.import_pending_ties for delete
  to authenticated
  using (private.can_edit_organisation(organisation_id));

-- ---------------------------------------------------------------------------
-- Helpers the import calls for what the API roles may not write themselves.
-- ---------------------------------------------------------------------------

-- Opens the batch of the current transaction, for the signed-in user.
create function private.open_import_batch(label text)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
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

create function private.close_import_batch(batch uuid, summary jsonb)
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  update public.import_batches b set summary = close_import_batch.summary
  where b.id = batch and b.created_by = (select auth.uid()) and b.transaction_id = txid_current();
$$;

-- Keeps a tie whose other side is not in the atlas, if the caller may edit the side that is.
create function private.keep_pending_tie(
  batch uuid, organisation uuid, other_name text, organisation_is_source boolean,
  kind text, description text
)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
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

-- The batch a version of the history belongs to, if any: its id and label.
create function private.import_batch_of(transaction bigint)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object('id', b.id, 'label', b.label, 'undone', b.undone_at is not null)
  from public.import_batches b where b.transaction_id = transaction
$$;

revoke execute on function
  private.open_import_batch(text), private.close_import_batch(uuid, jsonb),
  private.keep_pending_tie(uuid, uuid, text, boolean, text, text), private.import_batch_of(bigint)
  from public, anon;
grant execute on function
  private.open_import_batch(text), private.close_import_batch(uuid, jsonb),
  private.keep_pending_tie(uuid, uuid, text, boolean, text, text), private.import_batch_of(bigint)
  to authenticated;

-- ---------------------------------------------------------------------------
-- import_organisations(batch)
--
--   { "label": "nieuw-west.xlsx", "status": "published" | "draft",
--     "all_or_nothing": false, "dry_run": false,
--     "organisations": [ { "row": 2, "ref": "Repair Café", "id": null | uuid,
--                          "fields": { "name": …, "kind": …, "themes": [...], … } } ],
--     "ties": [ { "row": 2, "from": ref | uuid, "to": ref | uuid | null,
--                 "other_name": "…", "kind": "partnership", "description": "" } ] }
--
-- A row with an id updates that organisation with the fields given (the rest
-- stay as they are); without one it creates an organisation. A tie's ends are
-- refs of this batch's rows or ids of organisations in the atlas; a tie with
-- one end unknown names the other (other_name) and is kept as pending.
-- Answers counts, the refused rows with their reason, and the batch id.
-- ---------------------------------------------------------------------------
create function public.import_organisations(batch jsonb)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
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

-- An organisation's id if the text is one and the caller sees that organisation.
create function private.organisation_id_or_null(value text)
returns uuid
language plpgsql
stable
set search_path = ''
as $$
begin
  if value is null or value !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return null;
  end if;
  return (select o.id from public.organisations o where o.id = value::uuid);
end
$$;

revoke execute on function private.organisation_id_or_null(text) from public, anon;
grant execute on function private.organisation_id_or_null(text) to authenticated;
revoke execute on function public.import_organisations(jsonb) from public, anon;
grant execute on function public.import_organisations(jsonb) to authenticated;

-- ---------------------------------------------------------------------------
-- undo_import(batch_id): puts back what the batch changed, by the one who ran
-- it or a coordinator. Refused when anything the batch wrote has changed
-- since (undoing would throw that later work away); that work is named.
-- ---------------------------------------------------------------------------
create function private.undo_import_batch(batch uuid)
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

  delete from public.import_pending_ties t where t.batch_id = b.id;
  update public.import_batches set undone_at = now(), undone_by = me where id = b.id;
  return jsonb_build_object('batch_id', b.id, 'reverted', reverted);
end
$$;

create function public.undo_import(batch_id uuid)
returns jsonb
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.undo_import_batch(batch_id);
$$;

-- The batches the caller may see, newest first, with what is pending of each.
create function public.recent_imports()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', b.id, 'label', b.label, 'created_at', b.created_at, 'summary', b.summary,
    'undone_at', b.undone_at, 'mine', b.created_by = (select auth.uid())
  ) order by b.created_at desc), '[]'::jsonb)
  from (select * from public.import_batches order by created_at desc limit 50) b
$$;

revoke execute on function private.undo_import_batch(uuid) from public, anon;
grant execute on function private.undo_import_batch(uuid) to authenticated;
revoke execute on function public.undo_import(uuid), public.recent_imports() from public, anon;
grant execute on function public.undo_import(uuid), public.recent_imports() to authenticated;

-- ---------------------------------------------------------------------------
-- The history names the import a version came from.
-- ---------------------------------------------------------------------------
create or replace function public.organisation_history(organisation_slug text)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  with org as (
    select o.id from public.organisations o where o.slug = organisation_slug
  ),
  versions as (
    select l.transaction_id,
           min(l.at) as at,
           max(l.id) as last_line,
           (array_agg(l.actor_id order by l.id))[1] as actor_id,
           bool_or(l.table_name in ('organisations', 'organisation_themes', 'meeting_times')) as changes_organisation,
           jsonb_agg(jsonb_build_object(
             'table', l.table_name, 'action', l.action, 'record', l.record_id,
             'before', l.before, 'after', l.after
           ) order by l.id) as changes
    from public.audit_log l, org
    where org.id = any (l.organisation_ids)
    group by l.transaction_id
  )
  select coalesce(jsonb_agg(jsonb_build_object(
    'version', v.transaction_id, 'at', v.at,
    'actor', private.actor_name(v.actor_id, (select org.id from org)),
    'changes_organisation', v.changes_organisation, 'changes', v.changes,
    'import', private.import_batch_of(v.transaction_id)
  ) order by v.last_line desc), '[]'::jsonb)
  from versions v
$$;

-- ---------------------------------------------------------------------------
-- Pending ties, for the editors of the side in the atlas: listed with the
-- organisation (the other side as the file named it), and dismissed when they
-- are proposed as a collaboration or are not wanted.
-- ---------------------------------------------------------------------------
create function public.pending_ties(organisation_id uuid)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', t.id, 'other_name', t.other_name, 'organisation_is_source', t.organisation_is_source,
    'kind', t.kind, 'description', t.description, 'created_at', t.created_at
  ) order by t.other_name, t.id), '[]'::jsonb)
  from public.import_pending_ties t
  where t.organisation_id = pending_ties.organisation_id
$$;

create function public.dismiss_pending_tie(pending_tie_id uuid)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
begin
  delete from public.import_pending_ties t where t.id = pending_tie_id;
  if not found then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  return jsonb_build_object('id', pending_tie_id);
end
$$;

revoke execute on function public.pending_ties(uuid), public.dismiss_pending_tie(uuid) from public, anon;
grant execute on function public.pending_ties(uuid), public.dismiss_pending_tie(uuid) to authenticated;
