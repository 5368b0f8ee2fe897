-- One batch of the benchmark's data: the 1,000 users (once; a later batch finds them) and the
-- activities numbered :first to :last, one per second going back from now, spread over the users;
-- one in ten has already expired, so the feed's expires_at filter has rows to skip.
--   psql -v first=1 -v last=100000 -f bench/generate.sql     (bench/feed.sh runs ten such batches)
INSERT INTO public.users (display_name, handle, cognito_user_id)
SELECT 'Bench User ' || i, 'bench' || i, 'bench-' || i
FROM generate_series(1, 1000) AS i
ON CONFLICT (handle) DO NOTHING;

INSERT INTO public.activities (user_uuid, message, created_at, expires_at)
SELECT bench_users.uuid,
       'Generated activity number ' || g || ' for the feed benchmark',
       now() - make_interval(secs => g),
       CASE WHEN g % 10 = 0 THEN now() - interval '1 hour' ELSE now() + interval '30 days' END
FROM generate_series(:first, :last) AS g
JOIN (SELECT uuid, row_number() OVER (ORDER BY handle) AS n FROM public.users WHERE handle LIKE 'bench%') AS bench_users
  ON bench_users.n = g % 1000 + 1;
