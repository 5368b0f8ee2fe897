using Cruddur.Data;
using Microsoft.Net.Http.Headers;

namespace Cruddur.Api.Cors;

/// <summary>
/// The browser rules for Cruddur's React frontend, as the course's Flask backend sets them: its
/// origins may GET, HEAD and POST with the headers it sends, and read the headers it needs back.
/// </summary>
public static class FrontendCors
{
    public const string FrontendVariable = "FRONTEND_URL";
    public const string BackendVariable = "BACKEND_URL";

    /// <summary>The frontend's dev server (<c>npm start</c>) under both of its names.</summary>
    public static readonly IReadOnlyList<string> DefaultOrigins = ["http://localhost:3000", "http://127.0.0.1:3000"];

    /// <summary>How long a browser may reuse a preflight's answer.</summary>
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(10);

    /// <summary>FRONTEND_URL and BACKEND_URL, each one URL or a comma list; the defaults when neither is set.</summary>
    public static IReadOnlyList<string> OriginsFromEnvironment(Func<string, string?> variables)
    {
        var origins = new[] { FrontendVariable, BackendVariable }
            .SelectMany(name => (variables(name) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select((url, index) => Origin(name, index, url)))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return origins.Count > 0 ? origins : DefaultOrigins;
    }

    // A browser's Origin header is scheme://host[:port], never a path: a configured URL is reduced to that.
    // The value is never echoed: a URL with credentials in it must not end up in a log.
    static string Origin(string variable, int index, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0
            ? uri.GetLeftPart(UriPartial.Authority)
            : throw new CruddurException($"{variable} has an entry (number {index + 1}) that is not an http(s) URL without credentials, like https://cruddur.example.com");

    public static IServiceCollection AddFrontendCors(this IServiceCollection services, IReadOnlyList<string> origins) =>
        services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins([.. origins])
            .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Options)
            .WithHeaders(HeaderNames.ContentType, HeaderNames.Authorization, HeaderNames.IfNoneMatch)
            .WithExposedHeaders(HeaderNames.Location, HeaderNames.Link, HeaderNames.ETag)
            .SetPreflightMaxAge(PreflightMaxAge)));

    /// <summary>
    /// CORS headers depend on Origin, so every answer says so, also one to a foreign or absent Origin:
    /// a shared cache must not hand one origin's answer to another.
    /// </summary>
    public static IApplicationBuilder UseFrontendCors(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var vary = context.Response.Headers.Vary;
                if (!vary.Any(v => v!.Split(',', StringSplitOptions.TrimEntries).Contains(HeaderNames.Origin, StringComparer.OrdinalIgnoreCase)))
                    context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app.UseCors();
    }
}
