-- Issue 12: admin sessions that sign-out really ends, and password reset by email.

-- One row per token issued (its jti). A token is accepted only while its row exists, is not
-- revoked and has not expired, so signing out (or ending a session from the sessions page) ends
-- it on every instance at once. Rows are deleted some time after they expire.
create table admin_session (
    id          varchar(64)  primary key,
    account_id  bigint       not null references account (id),
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    revoked_at  timestamptz,
    user_agent  varchar(200)
);
create index admin_session_account on admin_session (account_id, expires_at);

-- A single-use, expiring password reset link (only the SHA-256 of its token is stored).
alter table account
    add column reset_token_hash varchar(64) unique,
    add column reset_expires_at timestamptz;
