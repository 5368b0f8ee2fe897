-- A new activity (@uuid, chosen by the API so it can name it in Location) by the user with @handle, expiring @ttl from now; no row when no user has that handle.
-- RETURNING cannot join, so the user's columns come from subqueries.
INSERT INTO public.activities (uuid, user_uuid, message, expires_at)
SELECT @uuid, users.uuid, @message, now() + @ttl
FROM public.users
WHERE users.handle = @handle
RETURNING
  activities.uuid,
  (SELECT users.display_name FROM public.users WHERE users.uuid = activities.user_uuid) AS display_name,
  (SELECT users.handle FROM public.users WHERE users.uuid = activities.user_uuid) AS handle,
  activities.message,
  activities.replies_count,
  activities.reposts_count,
  activities.likes_count,
  activities.reply_to_activity_uuid,
  activities.expires_at,
  activities.created_at
