-- The document's query_wrap_array: the rows of the query in the slot below as one JSON array ('[]' when there are none),
-- in the query's order, then how many there are and the created_at and uuid of the last one (the
-- keyset the next page starts after). bench/feed.sh fills the slot the same way for pgbench.
SELECT COALESCE(array_to_json(array_agg(row_to_json(array_row))), '[]'::json)::text,
       count(*)::int,
       (array_agg(array_row.created_at))[count(*)::int],
       (array_agg(array_row.uuid))[count(*)::int]
FROM (
{query}
) array_row
