-- =============================================================================
-- The areas within each area, kept as a table
--
-- Every policy that lets a coordinator see or edit an organisation asks
-- private.coordinated_area_ids(): the areas they coordinate and everything
-- inside them. It walked the area tree with a recursive query each time, which
-- for the coordinator of a city (116 areas) took 0.3 ms, asked twice or more
-- per read. Areas are reference data that only migrations change, so the
-- closure of the tree is kept beside it, rebuilt whenever areas change, and
-- the helper becomes one index scan.
-- =============================================================================

create table private.area_closure (
  ancestor_id text not null references public.areas (id) on delete cascade,
  area_id text not null references public.areas (id) on delete cascade,
  primary key (ancestor_id, area_id)
);
create index area_closure_area_id_idx on private.area_closure (area_id);
revoke all on private.area_closure from public, anon, authenticated, service_role;
-- Only the owner, and the security definer functions it owns, read it.
alter table private.area_closure enable row level security;
create policy "No API role reads the area closure"
  on private.area_closure for all to anon, authenticated using (false) with check (false);

-- Every area with itself and everything below it. Areas number in the
-- thousands at most, so a rebuild is cheaper than keeping track of a change.
create function private.refresh_area_closure()
returns void
language plpgsql
security definer
set search_path = ''
as $$
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

create function private.rebuild_area_closure()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.refresh_area_closure();
  return null;
end
$$;

create trigger areas_rebuild_closure
  after insert or update or delete on public.areas
  for each statement execute function private.rebuild_area_closure();

-- Neither is for calling: a trigger function runs with the trigger's rights.
revoke execute on function private.refresh_area_closure(), private.rebuild_area_closure()
  from public, anon, authenticated, service_role;

-- The areas there are today.
select private.refresh_area_closure();

-- Every area the current user coordinates, with everything inside it.
create or replace function private.coordinated_area_ids()
returns setof text
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
    select c.area_id
    from public.atlas_roles r
    join private.area_closure c on c.ancestor_id = r.area_id
    where r.user_id = (select auth.uid()) and r.role = 'coordinator';
end
$$;
