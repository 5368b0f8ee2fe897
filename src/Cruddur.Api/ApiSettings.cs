using System.Net;
using Cruddur.Api.Auth;
using Cruddur.Api.Cors;
using Cruddur.Data;
using Cruddur.Data.Settings;
using Cruddur.Secrets;

namespace Cruddur.Api;

/// <summary>
/// Everything the API is configured with: the database, the address and port, where traces go, the
/// Cognito user pool whose users may post, the browser origins of the frontend, whether feeds are cached.
/// </summary>
public sealed record ApiSettings(Database Database, int Port, OtlpTarget? Otlp)
{
    /// <summary><c>off</c> turns the feed cache off; anything else, or nothing, leaves it on.</summary>
    public const string FeedCacheVariable = "CRUDDUR_FEED_CACHE";

    /// <summary>Cruddur's backend port.</summary>
    public const int DefaultPort = 4567;
    public const string HostVariable = "HOST";

    /// <summary>The address to listen on: loopback unless told (0.0.0.0 in a container).</summary>
    public IPAddress Host { get; init; } = IPAddress.Loopback;

    /// <summary>Null: no user pool, so nobody can post.</summary>
    public CognitoSettings? Cognito { get; init; }

    public IReadOnlyList<string> Origins { get; init; } = FrontendCors.DefaultOrigins;

    /// <summary>Whether the feeds' first pages are cached (<see cref="FeedCacheVariable"/>).</summary>
    public bool FeedCache { get; init; } = true;

    /// <summary>The settings of the environment (OTEL_*, AWS_COGNITO_*, FRONTEND_URL, BACKEND_URL) for this database and port.</summary>
    public static ApiSettings FromEnvironment(Database database, int port, IPAddress host, Func<string, string?> variables) =>
        new(database, port, OtlpTarget.FromEnvironment(variables))
        {
            Host = host,
            Cognito = CognitoSettings.FromEnvironment(variables),
            Origins = FrontendCors.OriginsFromEnvironment(variables),
            FeedCache = FeedCacheOn(variables),
        };

    /// <summary>
    /// The API on its own: CONNECTION_URL (or CONNECTION_SECRET) is required, with TLS, IAM auth and
    /// secrets as everywhere else; PORT and HOST optional; the rest as in <see cref="FromEnvironment"/>.
    /// </summary>
    public static async Task<ApiSettings> FromEnvironmentAsync(Func<string, string?> variables, CancellationToken ct)
    {
        var database = await ConnectionSettings.ResolveAsync(Target.Local, ConnectionProfile.Api, variables, ConnectionSecret.SecretsManager, ct)
            ?? throw new CruddurException($"{ConnectionSettings.LocalVariable} is not set (export it, or run the API with: cruddur up)");
        var port = variables("PORT") is { Length: > 0 } text ? ParsePort(text, "PORT") : DefaultPort;
        var host = variables(HostVariable) is { Length: > 0 } address ? ParseHost(address, HostVariable) : IPAddress.Loopback;
        return FromEnvironment(database, port, host, variables);
    }

    public static bool FeedCacheOn(Func<string, string?> variables) => variables(FeedCacheVariable) switch
    {
        null or "" or "on" => true,
        "off" => false,
        var other => throw new CruddurException($"{FeedCacheVariable} is '{other}' (expected on or off)"),
    };

    public static IPAddress ParseHost(string text, string source) =>
        IPAddress.TryParse(text, out var address)
            ? address
            : throw new CruddurException($"{source} is '{text}' (expected an IP address to listen on, like 127.0.0.1 or 0.0.0.0)");

    public static int ParsePort(string text, string source) =>
        int.TryParse(text, out var port) && port is >= 0 and <= 65535
            ? port
            : throw new CruddurException($"{source} is '{text}' (expected a TCP port, 0 to 65535)");
}
