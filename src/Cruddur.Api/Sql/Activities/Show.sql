-- One activity by its uuid (the Location of a created activity), unless it has expired.
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
WHERE activities.uuid = @uuid
  AND (activities.expires_at IS NULL OR activities.expires_at > now())
