-- Public counts per letter, recomputed in batches from the signatures (never incremented per
-- sign-on, so no sign-on waits on another). list_version is the list version they were counted at.
create table letter_tally (
    letter_id     bigint primary key references letter (id),
    organizations bigint      not null,
    individuals   bigint      not null,
    list_version  bigint      not null,
    computed_at   timestamptz not null
);
