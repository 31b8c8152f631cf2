-- Suggestions
--
-- Suggestions from visitors without an account, kept apart from the atlas
-- until a coordinator accepts or rejects them, with a bound per sender.
--
-- The current definition, one file per domain, applied in the order of the
-- file names (supabase/config.toml, [db.migrations] schema_paths). Changing
-- it takes a migration too: tests/db/declarative-schema.spec.ts fails while
-- the two disagree.

SET check_function_bodies = false;

CREATE FUNCTION private.guard_suggestion_decision() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if old.status <> 'pending' then
    raise exception 'suggestion_decided' using errcode = 'PT409';
  end if;
  if new.status = 'pending' then
    raise exception 'suggestion_transition' using errcode = '42501';
  end if;
  new.decided_at := now();
  new.decided_by := (select auth.uid());
  return new;
end
$$;

CREATE FUNCTION private.receive_suggestion() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  sender text := encode(sha256(convert_to(
    (select s.value from private.settings s where s.name = 'sender_hash_key') || ':' || private.request_sender(),
    'UTF8')), 'hex');
  recent integer;
  today integer;
begin
  if coalesce(new.honeypot, '') <> '' then
    return null; -- a robot: pretend all went well and keep nothing
  end if;
  -- A theme named twice is one theme.
  new.theme_ids := array(select distinct t from unnest(new.theme_ids) as t order by t);
  if cardinality(new.theme_ids) > 10 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  if exists (select t from unnest(new.theme_ids) as t where t not in (select id from public.themes)) then
    raise exception 'unknown_theme' using errcode = '23503';
  end if;
  new.status := 'pending';
  new.decision_reason := null;
  new.organisation_id := null;
  new.created_at := now();

  -- Counted under the sender's lock: ten requests at once from one sender are
  -- counted one after another, not all against the same earlier total.
  perform pg_advisory_xact_lock(hashtextextended('buurtatlas.suggest:' || sender, 0));
  delete from private.suggestion_senders s where s.at < now() - interval '1 day';
  select count(*) filter (where s.at > now() - interval '10 minutes'), count(*)
    into recent, today
  from private.suggestion_senders s where s.sender_hash = sender;
  -- Per sender: 3 in ten minutes, 10 a day. Together: 200 an hour, a cap one
  -- sender alone can never reach, so nobody locks the others out.
  if recent >= 3 or today >= 10
     or (select count(*) from private.suggestion_senders s where s.at > now() - interval '1 hour') >= 200 then
    raise exception 'rate_limited' using errcode = 'PT429',
      hint = 'Too many suggestions in a short time; try again later.';
  end if;
  insert into private.suggestion_senders (sender_hash) values (sender);
  return new;
end
$$;

CREATE FUNCTION private.request_sender() RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  forwarded text[];
  hops integer := coalesce((select s.value::integer from private.settings s where s.name = 'trusted_proxy_hops'), 1);
  address text;
begin
  if (select auth.uid()) is not null then
    return 'user:' || (select auth.uid())::text;
  end if;
  forwarded := string_to_array(
    coalesce(nullif(current_setting('request.headers', true), '')::jsonb ->> 'x-forwarded-for', ''), ','
  );
  if cardinality(forwarded) >= hops and hops > 0 then
    address := btrim(forwarded[cardinality(forwarded) - hops + 1]);
  end if;
  return 'address:' || coalesce(nullif(address, ''), 'unknown');
end
$$;

CREATE FUNCTION public.accept_suggestion(suggestion_id uuid, area_id text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  chosen public.suggestions;
  new_id uuid := gen_random_uuid();
begin
  -- Locked, so that two coordinators accepting at once make one organisation.
  select * into chosen from public.suggestions s where s.id = suggestion_id for update;
  if not found then
    raise exception 'not_found' using errcode = 'PT404';
  end if;
  if chosen.status <> 'pending' then
    raise exception 'suggestion_decided' using errcode = 'PT409';
  end if;
  insert into public.organisations (id, name, kind, description, status, lng, lat, address, area_id, website, email)
  values (
    new_id, chosen.name, chosen.kind, chosen.description, 'published', chosen.lng, chosen.lat,
    chosen.address,
    coalesce(accept_suggestion.area_id, chosen.area_id, (
      select r.area_id from public.atlas_roles r
      where r.user_id = (select auth.uid()) and r.role = 'coordinator'
      order by r.id limit 1
    )),
    chosen.website, chosen.email
  );
  insert into public.organisation_themes (organisation_id, theme_id)
  select distinct new_id, t from unnest(chosen.theme_ids) as t
  on conflict do nothing;
  update public.suggestions s set status = 'accepted', organisation_id = new_id where s.id = chosen.id;
  return (select jsonb_build_object('id', o.id, 'slug', o.slug) from public.organisations o where o.id = new_id);
end
$$;

CREATE FUNCTION public.pending_suggestions() RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', s.id, 'name', s.name, 'kind', s.kind, 'description', s.description,
    'themes', to_jsonb(s.theme_ids), 'lng', s.lng, 'lat', s.lat, 'address', s.address,
    'area_id', s.area_id, 'website', s.website, 'email', s.email,
    'submitter_note', s.submitter_note, 'created_at', s.created_at
  ) order by s.created_at, s.id), '[]'::jsonb)
  from public.suggestions s
  where s.status = 'pending'
$$;

CREATE FUNCTION public.reject_suggestion(suggestion_id uuid, reason text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  current_status text;
begin
  if char_length(reason) > 500 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  select s.status into current_status from public.suggestions s where s.id = suggestion_id for update;
  if current_status is null then
    raise exception 'not_found' using errcode = 'PT404';
  elsif current_status <> 'pending' then
    raise exception 'suggestion_decided' using errcode = 'PT409';
  end if;
  update public.suggestions s set status = 'rejected', decision_reason = btrim(reason)
  where s.id = suggestion_id;
  return jsonb_build_object('id', suggestion_id, 'status', 'rejected');
end
$$;

CREATE FUNCTION public.suggest_initiative(suggestion jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  given public.suggestions;
begin
  perform private.require_object(suggestion, 16384);
  if jsonb_typeof(coalesce(suggestion -> 'theme_ids', '[]')) <> 'array' then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  if jsonb_array_length(coalesce(suggestion -> 'theme_ids', '[]')) > 10 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  given := jsonb_populate_record(null::public.suggestions, suggestion);
  insert into public.suggestions (
    name, kind, description, theme_ids, lng, lat, address, area_id, website, email, submitter_note, honeypot
  ) values (
    given.name, coalesce(given.kind, 'resident_initiative'), coalesce(given.description, ''),
    coalesce(given.theme_ids, '{}'), given.lng, given.lat, given.address, given.area_id,
    given.website, given.email, given.submitter_note, given.honeypot
  );
  return jsonb_build_object('received', true);
end
$$;

CREATE TABLE private.suggestion_senders (
    id bigint NOT NULL,
    sender_hash text NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE private.suggestion_senders ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME private.suggestion_senders_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.suggestions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    kind text DEFAULT 'resident_initiative'::text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    theme_ids text[] DEFAULT '{}'::text[] NOT NULL,
    lng double precision NOT NULL,
    lat double precision NOT NULL,
    address text,
    area_id text,
    website text,
    email text,
    submitter_note text,
    honeypot text,
    status text DEFAULT 'pending'::text NOT NULL,
    decision_reason text,
    organisation_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    decided_at timestamp with time zone,
    decided_by uuid,
    CONSTRAINT suggestions_accepted_has_organisation CHECK (((status = 'accepted'::text) = (organisation_id IS NOT NULL))),
    CONSTRAINT suggestions_address_check CHECK ((char_length(address) <= 200)),
    CONSTRAINT suggestions_decision_reason_check CHECK ((char_length(decision_reason) <= 500)),
    CONSTRAINT suggestions_description_check CHECK ((char_length(description) <= 4000)),
    CONSTRAINT suggestions_email_check CHECK ((email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text)),
    CONSTRAINT suggestions_email_length CHECK ((char_length(email) <= 254)),
    CONSTRAINT suggestions_honeypot_length CHECK ((char_length(honeypot) <= 200)),
    CONSTRAINT suggestions_lat_check CHECK (((lat >= ('-90'::integer)::double precision) AND (lat <= (90)::double precision))),
    CONSTRAINT suggestions_lng_check CHECK (((lng >= ('-180'::integer)::double precision) AND (lng <= (180)::double precision))),
    CONSTRAINT suggestions_name_check CHECK (((char_length(btrim(name)) >= 2) AND (char_length(btrim(name)) <= 160))),
    CONSTRAINT suggestions_name_readable CHECK (private.is_readable_name(name)),
    CONSTRAINT suggestions_no_honey CHECK (((honeypot IS NULL) OR (honeypot = ''::text))),
    CONSTRAINT suggestions_rejected_has_reason CHECK (((status <> 'rejected'::text) OR (char_length(btrim(COALESCE(decision_reason, ''::text))) >= 3))),
    CONSTRAINT suggestions_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'accepted'::text, 'rejected'::text]))),
    CONSTRAINT suggestions_submitter_note_check CHECK ((char_length(submitter_note) <= 500)),
    CONSTRAINT suggestions_theme_ids_bounded CHECK ((cardinality(theme_ids) <= 10)),
    CONSTRAINT suggestions_website_check CHECK ((website ~ '^https?://[^\s]+$'::text)),
    CONSTRAINT suggestions_website_length CHECK ((char_length(website) <= 300))
);

ALTER TABLE ONLY private.suggestion_senders
    ADD CONSTRAINT suggestion_senders_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.suggestions
    ADD CONSTRAINT suggestions_pkey PRIMARY KEY (id);

CREATE INDEX suggestion_senders_at_idx ON private.suggestion_senders USING btree (at);

CREATE INDEX suggestion_senders_sender_idx ON private.suggestion_senders USING btree (sender_hash, at);

CREATE INDEX suggestions_area_id_idx ON public.suggestions USING btree (area_id);

CREATE INDEX suggestions_decided_by_idx ON public.suggestions USING btree (decided_by);

CREATE INDEX suggestions_kind_idx ON public.suggestions USING btree (kind);

CREATE INDEX suggestions_organisation_id_idx ON public.suggestions USING btree (organisation_id);

CREATE INDEX suggestions_status_idx ON public.suggestions USING btree (status, created_at);

CREATE TRIGGER suggestions_guard_decision BEFORE UPDATE ON public.suggestions FOR EACH ROW WHEN (private.is_api_request()) EXECUTE FUNCTION private.guard_suggestion_decision();

CREATE TRIGGER suggestions_receive BEFORE INSERT ON public.suggestions FOR EACH ROW WHEN (private.is_api_request()) EXECUTE FUNCTION private.receive_suggestion();

ALTER TABLE ONLY public.suggestions
    ADD CONSTRAINT suggestions_area_id_fkey FOREIGN KEY (area_id) REFERENCES public.areas(id);

ALTER TABLE ONLY public.suggestions
    ADD CONSTRAINT suggestions_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES auth.users(id);

ALTER TABLE ONLY public.suggestions
    ADD CONSTRAINT suggestions_kind_fkey FOREIGN KEY (kind) REFERENCES public.organisation_kinds(id);

ALTER TABLE ONLY public.suggestions
    ADD CONSTRAINT suggestions_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id);

CREATE POLICY "No API role reads who sent suggestions" ON private.suggestion_senders TO authenticated, anon USING (false) WITH CHECK (false);

ALTER TABLE private.suggestion_senders ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Anyone may send a suggestion" ON public.suggestions FOR INSERT TO authenticated, anon WITH CHECK (((status = 'pending'::text) AND (organisation_id IS NULL)));

CREATE POLICY "Coordinators decide on suggestions" ON public.suggestions FOR UPDATE TO authenticated USING (( SELECT private.is_moderator() AS is_moderator)) WITH CHECK (( SELECT private.is_moderator() AS is_moderator));

CREATE POLICY "Coordinators read the suggestions" ON public.suggestions FOR SELECT TO authenticated USING (( SELECT private.is_moderator() AS is_moderator));

ALTER TABLE public.suggestions ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON FUNCTION private.guard_suggestion_decision() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.receive_suggestion() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.request_sender() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION public.accept_suggestion(suggestion_id uuid, area_id text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.accept_suggestion(suggestion_id uuid, area_id text) TO authenticated;
GRANT ALL ON FUNCTION public.accept_suggestion(suggestion_id uuid, area_id text) TO service_role;

REVOKE ALL ON FUNCTION public.pending_suggestions() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.pending_suggestions() TO authenticated;
GRANT ALL ON FUNCTION public.pending_suggestions() TO service_role;

REVOKE ALL ON FUNCTION public.reject_suggestion(suggestion_id uuid, reason text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.reject_suggestion(suggestion_id uuid, reason text) TO authenticated;
GRANT ALL ON FUNCTION public.reject_suggestion(suggestion_id uuid, reason text) TO service_role;

REVOKE ALL ON FUNCTION public.suggest_initiative(suggestion jsonb) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.suggest_initiative(suggestion jsonb) TO anon;
GRANT ALL ON FUNCTION public.suggest_initiative(suggestion jsonb) TO authenticated;
GRANT ALL ON FUNCTION public.suggest_initiative(suggestion jsonb) TO service_role;

REVOKE ALL ON TABLE public.suggestions FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON TABLE public.suggestions TO service_role;
GRANT SELECT ON TABLE public.suggestions TO authenticated;

GRANT INSERT(name) ON TABLE public.suggestions TO anon;
GRANT INSERT(name) ON TABLE public.suggestions TO authenticated;

GRANT INSERT(kind) ON TABLE public.suggestions TO anon;
GRANT INSERT(kind) ON TABLE public.suggestions TO authenticated;

GRANT INSERT(description) ON TABLE public.suggestions TO anon;
GRANT INSERT(description) ON TABLE public.suggestions TO authenticated;

GRANT INSERT(theme_ids) ON TABLE public.suggestions TO anon;
GRANT INSERT(theme_ids) ON TABLE public.suggestions TO authenticated;

GRANT INSERT(lng) ON TABLE public.suggestions TO anon;
GRANT INSERT(lng) ON TABLE public.suggestions TO authenticated;

GRANT INSERT(lat) ON TABLE public.suggestions TO anon;
GRANT INSERT(lat) ON TABLE public.suggestions TO authenticated;

GRANT INSERT(address) ON TABLE public.suggestions TO anon;
GRANT INSERT(address) ON TABLE public.suggestions TO authenticated;

GRANT INSERT(area_id) ON TABLE public.suggestions TO anon;
GRANT INSERT(area_id) ON TABLE public.suggestions TO authenticated;

GRANT INSERT(website) ON TABLE public.suggestions TO anon;
GRANT INSERT(website) ON TABLE public.suggestions TO authenticated;

GRANT INSERT(email) ON TABLE public.suggestions TO anon;
GRANT INSERT(email) ON TABLE public.suggestions TO authenticated;

GRANT INSERT(submitter_note) ON TABLE public.suggestions TO anon;
GRANT INSERT(submitter_note) ON TABLE public.suggestions TO authenticated;

GRANT INSERT(honeypot) ON TABLE public.suggestions TO anon;
GRANT INSERT(honeypot) ON TABLE public.suggestions TO authenticated;

GRANT UPDATE(status) ON TABLE public.suggestions TO authenticated;

GRANT UPDATE(decision_reason) ON TABLE public.suggestions TO authenticated;

GRANT UPDATE(organisation_id) ON TABLE public.suggestions TO authenticated;

REVOKE ALL ON TABLE private.suggestion_senders FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON SEQUENCE private.suggestion_senders_id_seq FROM PUBLIC, anon, authenticated, service_role;
