-- A new activity (@uuid, chosen by the API so it can name it in Location) by the user whose Cognito sub is @cognito_user_id,
-- expiring @ttl from now; when @handle is given it must be that user's. No row when there is no such user.
-- The API reads it back with Show.sql in the same batch (one round trip, one implicit transaction).
INSERT INTO public.activities (uuid, user_uuid, message, expires_at)
SELECT @uuid, users.uuid, @message, now() + @ttl
FROM public.users
WHERE users.cognito_user_id = @cognito_user_id AND (@handle::text IS NULL OR users.handle = @handle)
