-- The document's query_wrap_array: the rows of the query in the slot below as one JSON array ('[]' when there are none),
-- in the query's order; then how many there are, the created_at and uuid of the last one (the keyset
-- the next page starts after), and how long until the first of them expires (null when none does),
-- measured on the server's clock. bench/feed.sh fills the slot the same way for pgbench.
SELECT COALESCE(array_to_json(array_agg(row_to_json(array_row))), '[]'::json)::text,
       count(*)::int,
       (array_agg(array_row.created_at))[count(*)::int],
       (array_agg(array_row.uuid))[count(*)::int],
       min(array_row.expires_at) - now()
FROM (
{query}
) array_row
