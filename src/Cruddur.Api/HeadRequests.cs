namespace Cruddur.Api;

/// <summary>
/// HEAD on every GET route, as HTTP asks: the request is routed as a GET and Kestrel, which knows it
/// was a HEAD, sends the headers and drops the body.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method)) context.Request.Method = HttpMethods.Get;
            return next(context);
        });
}
