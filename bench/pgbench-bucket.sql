-- A sign-on behind an exact, shared rate limit: Bucket4j's PostgreSQL backend takes the client's
-- bucket row FOR UPDATE, writes its new state and commits, before the sign-on's own transaction
-- (the two inserts of pgbench-signon.sql, appended by bench/rate-limit-cost.sh). The bucket is one per
-- client connection with -D spread=1 (clients from many addresses), the same for all with spread=0
-- (a flood from one address, or many people behind one NAT).
\set r random(1, 2000000000)
\set bucket :client_id * :spread
BEGIN;
SELECT state FROM bench_bucket WHERE id = :bucket FOR UPDATE;
UPDATE bench_bucket SET state = decode(md5(:r::text), 'hex') WHERE id = :bucket;
END;
