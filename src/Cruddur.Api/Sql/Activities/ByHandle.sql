-- One user's activities, same shape and paging as the home feed, on activities (user_uuid, created_at, uuid).
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
FROM public.users
JOIN public.activities ON activities.user_uuid = users.uuid
WHERE users.handle = @handle
  AND (activities.created_at, activities.uuid)
      < (COALESCE(@before_created_at, 'infinity'::timestamptz), COALESCE(@before_uuid, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid))
  AND (activities.expires_at IS NULL OR activities.expires_at > now())
ORDER BY activities.created_at DESC, activities.uuid DESC
LIMIT @limit
