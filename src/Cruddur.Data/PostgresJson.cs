namespace Cruddur.Data;

/// <summary>
/// The document's <c>query_wrap_object</c> and <c>query_wrap_array</c>: PostgreSQL turns the rows of
/// a query into JSON text, which the caller passes on as it is.
/// </summary>
public static class PostgresJson
{
    /// <summary>
    /// One row as a JSON object; no row when the query finds nothing. The query runs as a CTE so that
    /// an <c>INSERT ... RETURNING</c> can be wrapped too (a data-modifying statement may not be a
    /// subquery). The document's <c>COALESCE(..., '{}')</c> never fired: without an aggregate an empty
    /// query gives no row, not a null one, so it is left out.
    /// </summary>
    public static string Object(string query) => $"""
        WITH object_row AS (
        {query}
        )
        SELECT row_to_json(object_row)::text FROM object_row
        """;

    /// <summary>
    /// The rows as a JSON array (<c>[]</c> when there are none), in the query's order, followed by how
    /// many rows there are and the <c>created_at</c> and <c>uuid</c> of the last one: the keyset the
    /// next page starts after. The query must return those two columns.
    /// </summary>
    public static string Page(string query) => $"""
        SELECT COALESCE(array_to_json(array_agg(row_to_json(array_row))), '[]'::json)::text,
               count(*)::int,
               (array_agg(array_row.created_at))[count(*)::int],
               (array_agg(array_row.uuid))[count(*)::int]
        FROM (
        {query}
        ) array_row
        """;
}
