-- The document's query_wrap_object: one row of the query in the slot below as a JSON object; no row when it finds nothing.
SELECT row_to_json(object_row)::text
FROM (
{query}
) object_row
