-- The letter PDF cache, the "approved list version" it is keyed by, and CSV imports.

alter table letter add column pdf_grouping varchar(16) not null default 'NONE'
    check (pdf_grouping in ('NONE', 'REGION', 'ORG_TYPE'));

-- Every change to what the public list shows gets a fresh number from one sequence: the
-- letter's list version is the highest number among its signatures. No shared counter row is
-- updated, so sign-ons and approvals never queue behind one another.
create sequence list_change_seq;
alter table signature
    add column list_seq        bigint not null default 0,
    add column list_changed_at timestamptz;
create index signature_list_seq on signature (letter_id, list_seq);

create function signature_public_list_changed() returns trigger
    language plpgsql as
$$
begin
    if (tg_op = 'INSERT' and new.state = 'APPROVED')
        or (tg_op = 'UPDATE' and (old.state = 'APPROVED' or new.state = 'APPROVED')
            and (old.state, old.display_name, old.affiliation, old.website, old.city, old.region, old.country, old.org_type, old.kind)
                is distinct from
                (new.state, new.display_name, new.affiliation, new.website, new.city, new.region, new.country, new.org_type, new.kind))
    then
        new.list_seq := nextval('list_change_seq');
        new.list_changed_at := now();
    end if;
    return new;
end
$$;

create trigger signature_public_list_changed
    before insert or update on signature
    for each row execute function signature_public_list_changed();

update signature set list_seq = nextval('list_change_seq'), list_changed_at = coalesce(decided_at, updated_at)
where state = 'APPROVED';

-- The rendered PDF of each letter, shared by all instances. Only the latest rendering is kept.
create table letter_pdf (
    letter_id      bigint primary key references letter (id),
    text_version   integer     not null,
    list_version   bigint      not null,
    approved_count bigint      not null,
    etag           varchar(80) not null,
    rendered_at    timestamptz not null,
    render_millis  integer     not null,
    content        bytea       not null
);

create sequence signature_import_seq increment by 50;

-- An uploaded CSV on its way into the vetting queue: mapped, checked, then imported all at once.
create table signature_import (
    id          bigint primary key,
    letter_id   bigint       not null references letter (id),
    uploaded_by bigint references account (id),
    filename    varchar(200) not null,
    content     text,
    mapping     text,
    status      varchar(16)  not null check (status in ('UPLOADED', 'CHECKED', 'RUNNING', 'DONE', 'FAILED')),
    rows_total  integer      not null default 0,
    rows_valid  integer      not null default 0,
    rows_done   integer      not null default 0,
    message     varchar(500),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null default 0
);
