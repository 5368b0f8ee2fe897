-- The home feed: newest first, the page after the keyset (created_at, uuid); the view leaves expired activities out.
-- Without a cursor the keyset starts above every row, so one query (and one plan) serves every page,
-- an index scan on activities (created_at, uuid) that stops after @limit rows.
SELECT *
FROM public.activity_feed
WHERE (created_at, uuid)
      < (COALESCE(@before_created_at, 'infinity'::timestamptz), COALESCE(@before_uuid, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid))
ORDER BY created_at DESC, uuid DESC
LIMIT @limit
