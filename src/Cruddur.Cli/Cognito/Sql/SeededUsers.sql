-- The seed's users whose Cognito id is still the seed's placeholder (MOCK-<handle>): not yet in the local user pool.
SELECT handle, display_name FROM public.users WHERE cognito_user_id = 'MOCK-' || handle ORDER BY handle
