-- A large bulk invalidation finishes as a background job (issue 11); the invalidation names it,
-- so its page can show the progress.
alter table signature_invalidation add column job_id bigint references background_job (id);
