namespace Cruddur.Data;

/// <summary>
/// The document's <c>query_wrap_object</c> and <c>query_wrap_array</c> (<c>Sql/Json/</c>): PostgreSQL
/// turns the rows of a query into JSON text, which the caller passes on as it is.
/// </summary>
public static class PostgresJson
{
    const string Slot = "{query}";

    /// <summary>
    /// One row as a JSON object; no row when the query finds nothing. The document's
    /// <c>COALESCE(..., '{}')</c> never fired: without an aggregate an empty query gives no row, not a
    /// null one, so it is left out.
    /// </summary>
    public static string Object(string query) => Wrap("Json/Object.sql", query);

    /// <summary>
    /// The rows as a JSON array (<c>[]</c> when there are none), in the query's order, followed by how
    /// many rows there are, the <c>created_at</c> and <c>uuid</c> of the last one (the keyset the
    /// next page starts after) and the time until its first activity expires. The query must return created_at, uuid and expires_at.
    /// </summary>
    public static string Page(string query) => Wrap("Json/Page.sql", query);

    static string Wrap(string wrapper, string query) => SqlFile.Load(wrapper, typeof(PostgresJson).Assembly).Replace(Slot, query, StringComparison.Ordinal);
}
