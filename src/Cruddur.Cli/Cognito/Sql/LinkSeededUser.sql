-- Gives a seeded user the sub the local user pool gave them, replacing only the seed's placeholder.
UPDATE public.users SET cognito_user_id = @cognito_user_id WHERE handle = @handle AND cognito_user_id = 'MOCK-' || handle
