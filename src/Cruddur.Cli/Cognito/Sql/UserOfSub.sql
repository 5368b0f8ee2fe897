-- The handle of the users row the post-confirmation Lambda wrote for a Cognito sub; no row when it wrote none.
SELECT handle FROM public.users WHERE cognito_user_id = @cognito_user_id
