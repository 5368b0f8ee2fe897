-- The document's seed activity, added once: a second seed finds it and adds nothing.
INSERT INTO public.activities (user_uuid, message, expires_at)
SELECT users.uuid, 'This was imported as seed data!', now() + interval '10 days'
FROM public.users
WHERE users.handle = 'andrewbrown'
  AND NOT EXISTS (
    SELECT 1 FROM public.activities
    WHERE activities.user_uuid = users.uuid AND activities.message = 'This was imported as seed data!'
  )
