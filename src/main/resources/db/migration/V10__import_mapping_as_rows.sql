-- An import's column mapping as rows (field → column index) instead of the "FIELD=3;FIELD=5" text.
create table signature_import_column (
    import_id    bigint      not null references signature_import (id) on delete cascade,
    field        varchar(32) not null check (field in ('KIND', 'ORGANIZATION_NAME', 'WEBSITE', 'CITY', 'REGION',
                     'COUNTRY', 'ORG_TYPE', 'CONTACT_NAME', 'CONTACT_TITLE', 'EMAIL', 'PHONE', 'NAME', 'FIRST_NAME',
                     'LAST_NAME', 'AFFILIATION')),
    column_index integer     not null check (column_index >= 0),
    primary key (import_id, field)
);

insert into signature_import_column (import_id, field, column_index)
select i.id, split_part(pair, '=', 1), cast(split_part(pair, '=', 2) as integer)
from signature_import i
     cross join lateral unnest(string_to_array(i.mapping, ';')) as pair
where i.mapping is not null and pair ~ '^[A-Z_]+=[0-9]+$'
on conflict do nothing;

alter table signature_import drop column mapping;
