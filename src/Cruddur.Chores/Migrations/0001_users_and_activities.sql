-- The document's users and activities, corrected: users.email exists (the post-confirmation Lambda
-- writes it), handle and cognito_user_id are unique, activities reference users, a reply points at
-- an activity's UUID, and timestamps record the instant (timestamptz).
-- gen_random_uuid() is built in since PostgreSQL 13, so no extension (and no superuser) is needed.
CREATE TABLE public.users (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  display_name text NOT NULL,
  handle text NOT NULL,
  email text,
  cognito_user_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_handle_key UNIQUE (handle),
  CONSTRAINT users_cognito_user_id_key UNIQUE (cognito_user_id)
);

CREATE TABLE public.activities (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_uuid uuid NOT NULL REFERENCES public.users (uuid),
  message text NOT NULL,
  replies_count integer NOT NULL DEFAULT 0,
  reposts_count integer NOT NULL DEFAULT 0,
  likes_count integer NOT NULL DEFAULT 0,
  reply_to_activity_uuid uuid REFERENCES public.activities (uuid),
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX activities_user_uuid_idx ON public.activities (user_uuid);
