-- The home feed: newest first, expired activities left out, the page after the keyset (created_at, uuid).
-- Without a cursor the keyset starts above every row, so one query (and one plan) serves every page,
-- an index scan on activities (created_at, uuid) that stops after @limit rows.
SELECT
  activities.uuid,
  users.display_name,
  users.handle,
  activities.message,
  activities.replies_count,
  activities.reposts_count,
  activities.likes_count,
  activities.reply_to_activity_uuid,
  activities.expires_at,
  activities.created_at
FROM public.activities
JOIN public.users ON users.uuid = activities.user_uuid
WHERE (activities.created_at, activities.uuid)
      < (COALESCE(@before_created_at, 'infinity'::timestamptz), COALESCE(@before_uuid, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid))
  AND (activities.expires_at IS NULL OR activities.expires_at > now())
ORDER BY activities.created_at DESC, activities.uuid DESC
LIMIT @limit
