-- One user's activities, same shape and paging as the home feed, on activities (user_uuid, created_at, uuid).
SELECT *
FROM public.activity_feed
WHERE handle = @handle
  AND (created_at, uuid)
      < (COALESCE(@before_created_at, 'infinity'::timestamptz), COALESCE(@before_uuid, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid))
ORDER BY created_at DESC, uuid DESC
LIMIT @limit
