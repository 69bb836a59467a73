-- Coalitions (issue 13): partner organizations with their own sign-on links, signatory
-- categories and a sort name, organizations' logos, lead signers, and partner staff accounts.

-- Partners of a letter ("in partnership with …"). The code is what the partner's sign-on link carries.
create sequence letter_partner_seq increment by 50;
create table letter_partner (
    id         bigint primary key,
    letter_id  bigint       not null references letter (id),
    code       varchar(40)  not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name       varchar(200) not null,
    website    varchar(300),
    -- Re-encoded by the server (a fresh PNG, no metadata); never the uploaded bytes.
    logo_png   bytea,
    position   integer      not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    version    bigint       not null default 0,
    unique (letter_id, code),
    unique (letter_id, id)
);

-- Signatory categories a letter's editors define ("National", "State and local", …).
create sequence letter_category_seq increment by 50;
create table letter_category (
    id         bigint primary key,
    letter_id  bigint       not null references letter (id),
    name       varchar(100) not null,
    position   integer      not null,
    created_at timestamptz  not null,
    unique (letter_id, name),
    unique (letter_id, id)
);

alter table signature
    add column partner_id                 bigint,
    -- "Share my contact details with <partner> who invited me": its own consent, never implied.
    add column consent_share_with_partner boolean not null default false,
    add column category_id                bigint,
    -- How an individual files in the list ("Okafor, Ada"): the sort key comes from it when given.
    add column sort_name                  varchar(200),
    -- A partner and a category always belong to the signature's own letter.
    add constraint signature_partner_same_letter foreign key (letter_id, partner_id) references letter_partner (letter_id, id),
    add constraint signature_category_same_letter foreign key (letter_id, category_id) references letter_category (letter_id, id),
    add constraint signature_share_needs_partner check (not consent_share_with_partner or partner_id is not null);

-- A partner's export: only its consenting signers, read in id order (tiny partial index).
create index signature_partner_share on signature (partner_id, id) where consent_share_with_partner;
-- The public list grouped by category: approved entries by category, kind and reading order.
create index signature_category_list on signature (letter_id, (coalesce(category_id, 0)), kind, sort_key, id)
    where state = 'APPROVED';

-- Organizations' logos, uploaded at sign-on, shown once a vetter approves them.
create table signature_logo (
    signature_id bigint primary key references signature (id),
    letter_id    bigint      not null references letter (id),
    state        varchar(16) not null check (state in ('PENDING', 'APPROVED', 'REMOVED')),
    -- A fresh PNG written by the server; blanked when the logo is removed.
    png          bytea,
    width        integer,
    height       integer,
    uploaded_at  timestamptz not null,
    decided_at   timestamptz,
    decided_by   bigint,
    check (state = 'REMOVED' or png is not null)
);
create index signature_logo_pending on signature_logo (letter_id, uploaded_at) where state = 'PENDING';

-- Lead signers, listed first (with their logos) in the editors' order.
create table lead_signer (
    signature_id bigint primary key references signature (id),
    letter_id    bigint      not null references letter (id),
    position     integer     not null,
    marked_at    timestamptz not null,
    marked_by    bigint
);
create index lead_signer_letter on lead_signer (letter_id, position);

-- Partner staff: an account limited to one partner's figures and export.
alter table account add column partner_id bigint references letter_partner (id);
alter table account drop constraint account_role_check;
alter table account add constraint account_role_check check (role in ('ADMIN', 'EDITOR', 'VETTER', 'PARTNER'));
alter table account add constraint account_partner_needs_partner check (role <> 'PARTNER' or partner_id is not null);

-- Per-partner counts, maintained like the other statistics (V8_1): the deltas carry the partner
-- (0 for none) and are folded into signature_partner_count.
alter table signature_count_delta add column partner_id bigint not null default 0;
create table signature_partner_count (
    letter_id  bigint      not null,
    partner_id bigint      not null,
    state      varchar(20) not null,
    n          bigint      not null,
    primary key (letter_id, partner_id, state)
);

create or replace function signature_counts_inserted() returns trigger
    language plpgsql as
$$
begin
    insert into signature_count_delta (letter_id, state, day, letter_version, region, partner_id, delta)
    select letter_id, state, (created_at at time zone 'UTC')::date, letter_version, signature_count_key_region(region),
           coalesce(partner_id, 0), count(*)
    from new_rows group by 1, 2, 3, 4, 5, 6;
    return null;
end
$$;

create or replace function signature_counts_deleted() returns trigger
    language plpgsql as
$$
begin
    insert into signature_count_delta (letter_id, state, day, letter_version, region, partner_id, delta)
    select letter_id, state, (created_at at time zone 'UTC')::date, letter_version, signature_count_key_region(region),
           coalesce(partner_id, 0), -count(*)
    from old_rows group by 1, 2, 3, 4, 5, 6;
    return null;
end
$$;

create or replace function signature_counts_updated() returns trigger
    language plpgsql as
$$
begin
    insert into signature_count_delta (letter_id, state, day, letter_version, region, partner_id, delta)
    select letter_id, state, day, letter_version, region, partner_id, sum(d) from (
        select o.letter_id, o.state, (o.created_at at time zone 'UTC')::date as day, o.letter_version,
               signature_count_key_region(o.region) as region, coalesce(o.partner_id, 0) as partner_id, -1 as d
        from old_rows o join new_rows n on n.id = o.id
        where (o.letter_id, o.state, o.created_at, o.letter_version, signature_count_key_region(o.region), o.partner_id)
              is distinct from (n.letter_id, n.state, n.created_at, n.letter_version, signature_count_key_region(n.region), n.partner_id)
        union all
        select n.letter_id, n.state, (n.created_at at time zone 'UTC')::date, n.letter_version,
               signature_count_key_region(n.region), coalesce(n.partner_id, 0), 1
        from old_rows o join new_rows n on n.id = o.id
        where (o.letter_id, o.state, o.created_at, o.letter_version, signature_count_key_region(o.region), o.partner_id)
              is distinct from (n.letter_id, n.state, n.created_at, n.letter_version, signature_count_key_region(n.region), n.partner_id)
    ) c group by 1, 2, 3, 4, 5, 6 having sum(d) <> 0;
    return null;
end
$$;

-- The PDF can list signatories by category.
alter table letter drop constraint letter_pdf_grouping_check;
alter table letter add constraint letter_pdf_grouping_check
    check (pdf_grouping in ('NONE', 'REGION', 'ORG_TYPE', 'CATEGORY'));

-- A new category or sort name changes what (and in which order) the public list shows.
create or replace function signature_public_list_changed() returns trigger
    language plpgsql as
$$
begin
    if (tg_op = 'INSERT' and new.state = 'APPROVED')
        or (tg_op = 'UPDATE' and (old.state = 'APPROVED' or new.state = 'APPROVED')
            and (old.state, old.display_name, old.affiliation, old.website, old.city, old.region, old.country, old.org_type,
                 old.kind, old.category_id, old.sort_key)
                is distinct from
                (new.state, new.display_name, new.affiliation, new.website, new.city, new.region, new.country, new.org_type,
                 new.kind, new.category_id, new.sort_key))
    then
        new.list_seq := nextval('list_change_seq');
        new.list_changed_at := now();
    end if;
    return new;
end
$$;

-- What frames the list changed (partners, categories, lead signers, logos): the letter's list
-- version (its highest list number) moves on, so the stored PDF and cached pages are redone.
-- One indexed row is renumbered; a letter with nothing listed yet has no list to redo.
create function letter_list_touched(letter bigint) returns void
    language sql as
$$
update signature set list_seq = nextval('list_change_seq'), list_changed_at = now()
where id = (select id from signature where letter_id = letter and list_seq > 0 order by list_seq desc limit 1)
$$;
