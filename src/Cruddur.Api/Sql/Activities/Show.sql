-- One activity by its uuid (the Location of a created activity), unless it has expired.
SELECT * FROM public.activity_feed WHERE uuid = @uuid
