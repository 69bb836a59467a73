-- Admin statistics at a million signatures (issue 11): counts per letter and state, per day of
-- sign-on and text version, and per region, maintained incrementally instead of counted on every view.
--
-- Each statement that inserts, updates or deletes signatures appends what it changed, grouped,
-- to signature_count_delta (statement-level triggers with transition tables: one row per letter,
-- state, day and region touched, however many signatures the statement wrote; a sign-on adds one
-- small row and waits on no shared counter). About once a second one instance folds the deltas
-- into the two totals tables (SignatureCounts). A reader adds the unfolded deltas to the totals
-- in one statement, so counts are exact and never stale, and read a few hundred rows at most.

create table signature_count_delta (
    id        bigint generated always as identity primary key,
    letter_id bigint      not null,
    state     varchar(20) not null,
    day       date        not null,
    letter_version integer not null,
    region    varchar(100) not null,
    delta     bigint      not null
);
create index signature_count_delta_letter on signature_count_delta (letter_id);

-- Signatures per letter, state, day received (UTC) and text version signed.
create table signature_day_count (
    letter_id      bigint      not null,
    state          varchar(20) not null,
    day            date        not null,
    letter_version integer     not null,
    n              bigint      not null,
    primary key (letter_id, state, day, letter_version)
);

-- Signatures per letter, state and region as entered ('(not given)' when blank).
create table signature_region_count (
    letter_id bigint       not null,
    state     varchar(20)  not null,
    region    varchar(100) not null,
    n         bigint       not null,
    primary key (letter_id, state, region)
);

create function signature_count_key_region(r varchar) returns varchar
    language sql immutable as
$$ select coalesce(nullif(trim(r), ''), '(not given)') $$;

create function signature_counts_inserted() returns trigger
    language plpgsql as
$$
begin
    insert into signature_count_delta (letter_id, state, day, letter_version, region, delta)
    select letter_id, state, (created_at at time zone 'UTC')::date, letter_version, signature_count_key_region(region), count(*)
    from new_rows group by 1, 2, 3, 4, 5;
    return null;
end
$$;

create function signature_counts_deleted() returns trigger
    language plpgsql as
$$
begin
    insert into signature_count_delta (letter_id, state, day, letter_version, region, delta)
    select letter_id, state, (created_at at time zone 'UTC')::date, letter_version, signature_count_key_region(region), -count(*)
    from old_rows group by 1, 2, 3, 4, 5;
    return null;
end
$$;

-- Only rows whose counted keys changed produce deltas (most updates change none of them).
create function signature_counts_updated() returns trigger
    language plpgsql as
$$
begin
    insert into signature_count_delta (letter_id, state, day, letter_version, region, delta)
    select letter_id, state, day, letter_version, region, sum(d) from (
        select o.letter_id, o.state, (o.created_at at time zone 'UTC')::date as day, o.letter_version,
               signature_count_key_region(o.region) as region, -1 as d
        from old_rows o join new_rows n on n.id = o.id
        where (o.letter_id, o.state, o.created_at, o.letter_version, signature_count_key_region(o.region))
              is distinct from (n.letter_id, n.state, n.created_at, n.letter_version, signature_count_key_region(n.region))
        union all
        select n.letter_id, n.state, (n.created_at at time zone 'UTC')::date, n.letter_version,
               signature_count_key_region(n.region), 1
        from old_rows o join new_rows n on n.id = o.id
        where (o.letter_id, o.state, o.created_at, o.letter_version, signature_count_key_region(o.region))
              is distinct from (n.letter_id, n.state, n.created_at, n.letter_version, signature_count_key_region(n.region))
    ) c group by 1, 2, 3, 4, 5 having sum(d) <> 0;
    return null;
end
$$;

create trigger signature_counts_inserted after insert on signature
    referencing new table as new_rows for each statement execute function signature_counts_inserted();
create trigger signature_counts_deleted after delete on signature
    referencing old table as old_rows for each statement execute function signature_counts_deleted();
create trigger signature_counts_updated after update on signature
    referencing old table as old_rows new table as new_rows for each statement execute function signature_counts_updated();

-- The signatures already there.
insert into signature_day_count (letter_id, state, day, letter_version, n)
select letter_id, state, (created_at at time zone 'UTC')::date, letter_version, count(*) from signature group by 1, 2, 3, 4;
insert into signature_region_count (letter_id, state, region, n)
select letter_id, state, signature_count_key_region(region), count(*) from signature group by 1, 2, 3;
