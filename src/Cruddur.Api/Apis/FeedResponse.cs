using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Cruddur.Api.Apis;

/// <summary>
/// A feed page as sent: its JSON, the next page's Link, its ETag and <c>Cache-Control: no-cache</c>
/// (clients revalidate, proxies never serve it stale); 304 with no body when If-None-Match has its tag.
/// </summary>
public static class FeedResponse
{
    const string Json = "application/json";

    public static Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult> Of(FeedPage feed, HttpRequest request, PageRequest page)
    {
        var headers = request.HttpContext.Response.Headers;
        if (feed.NextLink(request, page) is { } link) headers.Link = link;
        headers.ETag = feed.ETag;
        headers.CacheControl = "no-cache";
        return Matches(request, feed.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(feed.Json, Json);
    }

    // If-None-Match compares weakly (RFC 9110 13.1.2): W/"x" matches "x".
    static bool Matches(HttpRequest request, string etag)
    {
        if (request.Headers.IfNoneMatch.Count == 0) return false;
        var tag = new EntityTagHeaderValue(etag);
        return request.GetTypedHeaders().IfNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false));
    }
}
