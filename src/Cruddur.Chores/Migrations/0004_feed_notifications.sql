-- Every change to what a feed shows, by any process (an API, the Lambda, psql), tells the listening
-- APIs to drop their cached feed pages: one notification per statement, sent when it commits.
-- A statement trigger, so a bulk load costs one notification rather than one per row.
CREATE FUNCTION public.notify_feed_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cruddur_feed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER activities_notify_feed_changed
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.activities
  FOR EACH STATEMENT EXECUTE FUNCTION public.notify_feed_changed();

CREATE TRIGGER users_notify_feed_changed
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.users
  FOR EACH STATEMENT EXECUTE FUNCTION public.notify_feed_changed();
