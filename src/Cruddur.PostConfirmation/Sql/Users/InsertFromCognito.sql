-- The confirmed Cognito user, once: a retried trigger for the same sub changes nothing, and a handle
-- held by another user fails on users_handle_key instead of merging. RETURNING says whether it was new.
INSERT INTO public.users (display_name, email, handle, cognito_user_id)
VALUES (@display_name, @email, @handle, @cognito_user_id)
ON CONFLICT (cognito_user_id) DO NOTHING
RETURNING uuid
