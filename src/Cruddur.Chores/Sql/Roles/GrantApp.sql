-- cruddur_app, the API: read users, activities and the activity_feed view, post activities, bump the counters. Nothing else.
-- Revoking first makes a rerun converge on exactly these privileges.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {role};
GRANT CONNECT ON DATABASE {database} TO {role};
GRANT USAGE ON SCHEMA public TO {role};
GRANT SELECT ON public.users, public.activities, public.activity_feed TO {role};
GRANT INSERT ON public.activities TO {role};
GRANT UPDATE (replies_count, reposts_count, likes_count) ON public.activities TO {role};
