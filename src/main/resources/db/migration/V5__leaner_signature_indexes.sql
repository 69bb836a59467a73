-- Every sign-on inserts into each index of signature, so each one must earn its place.
-- (letter_id, state) is a prefix of signature_queue (letter_id, state, created_at, id).
drop index signature_letter_state;
-- Only entries that were ever on a public list have a list number; the rest need no index entry.
drop index signature_list_seq;
create index signature_list_seq on signature (letter_id, list_seq) where list_seq > 0;
-- Self-service tokens are issued at confirmation; new sign-ons have none.
alter table signature drop constraint signature_manage_token_hash_key;
create unique index signature_manage_token_hash on signature (manage_token_hash) where manage_token_hash is not null;
