-- The document's two seed users. Their Cognito ids are placeholders, one per user since the column is unique.
INSERT INTO public.users (display_name, handle, cognito_user_id)
VALUES ('Andrew Brown', 'andrewbrown', 'MOCK-andrewbrown'),
       ('Andrew Bayko', 'bayko', 'MOCK-bayko')
ON CONFLICT (handle) DO NOTHING
