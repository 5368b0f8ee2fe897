-- Whether the named standby streams from this primary.
SELECT EXISTS (SELECT FROM pg_stat_replication WHERE application_name = @name AND state = 'streaming')
