SELECT pid AS process_id,
       usename AS user,
       datname AS db,
       host(client_addr) AS client_addr,
       application_name AS app,
       state
FROM pg_stat_activity
WHERE backend_type = 'client backend'
ORDER BY datname NULLS LAST, pid
