SELECT EXISTS (SELECT 1 FROM public.users WHERE users.handle = @handle)
