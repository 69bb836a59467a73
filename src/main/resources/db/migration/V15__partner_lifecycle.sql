-- Issue 13 (admin pages): a partner can be retired rather than deleted once people signed on
-- through its link. Retired: its link stops attributing, it leaves the page and the PDF, its
-- sign-ons keep their attribution and admins can still export its consenting contacts.
alter table letter_partner
    add column state      varchar(10) not null default 'ACTIVE' check (state in ('ACTIVE', 'RETIRED')),
    add column retired_at timestamptz,
    add constraint letter_partner_retired_when check ((state = 'RETIRED') = (retired_at is not null));
