-- What a feed shows of an activity, said once: its columns, its author's name and handle, and only
-- while it has not expired. Home, ByHandle and Show select from it; a post reads itself back from it.
-- A plain view is inlined by the planner, so each feed stays the same bounded index scan.
CREATE VIEW public.activity_feed AS
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
WHERE activities.expires_at IS NULL OR activities.expires_at > now();
