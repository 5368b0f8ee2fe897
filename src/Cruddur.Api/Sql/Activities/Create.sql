-- A new activity (@uuid, chosen by the API so it can name it in Location) by the user with @handle,
-- expiring @ttl from now; no row when no user has that handle. The API reads it back with Show.sql
-- in the same batch (one round trip, one implicit transaction).
INSERT INTO public.activities (uuid, user_uuid, message, expires_at)
SELECT @uuid, users.uuid, @message, now() + @ttl
FROM public.users
WHERE users.handle = @handle
