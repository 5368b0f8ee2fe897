-- The handle of the user a Cognito sub belongs to (the row the post-confirmation Lambda wrote); no row when it wrote none.
SELECT handle FROM public.users WHERE cognito_user_id = @cognito_user_id
