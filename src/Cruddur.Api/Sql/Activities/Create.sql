-- A new activity (@uuid, chosen by the API so it can name it in Location) by the user whose Cognito sub is @cognito_user_id,
-- expiring @ttl from now; when @handle is given it must be that user's. No row when there is no such user.
-- RETURNING cannot join, so the user's columns come from subqueries.
INSERT INTO public.activities (uuid, user_uuid, message, expires_at)
SELECT @uuid, users.uuid, @message, now() + @ttl
FROM public.users
WHERE users.cognito_user_id = @cognito_user_id AND (@handle::text IS NULL OR users.handle = @handle)
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
