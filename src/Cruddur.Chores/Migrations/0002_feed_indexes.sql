-- The feeds read newest first after a keyset (created_at, uuid): with these indexes each page is a
-- bounded index scan, however many activities exist. expires_at stays a filter: an index predicate
-- cannot use now(), and unexpired rows are the common case near the top of the feed.
CREATE INDEX activities_created_at_uuid_idx ON public.activities (created_at, uuid);

-- Replaces the plain user_uuid index: same leading column (it still serves the foreign key), plus the order.
DROP INDEX public.activities_user_uuid_idx;
CREATE INDEX activities_user_uuid_created_at_uuid_idx ON public.activities (user_uuid, created_at, uuid);

-- The API accepts 1 to 280 characters (code points, as char_length counts them); the table agrees.
ALTER TABLE public.activities
  ADD CONSTRAINT activities_message_length CHECK (char_length(message) BETWEEN 1 AND 280);
