using Cruddur.Data;
using Cruddur.Data.Settings;

namespace Cruddur.Api;

/// <summary>Everything the API is configured with: the database, the loopback port, where traces go, whether feeds are cached.</summary>
public sealed record ApiSettings(Database Database, int Port, OtlpTarget? Otlp, bool FeedCache = true)
{
    /// <summary><c>off</c> turns the feed cache off; anything else, or nothing, leaves it on.</summary>
    public const string FeedCacheVariable = "CRUDDUR_FEED_CACHE";

    /// <summary>Cruddur's backend port.</summary>
    public const int DefaultPort = 4567;

    /// <summary>
    /// The API on its own: CONNECTION_URL (or CONNECTION_SECRET) is required, with TLS, IAM auth and
    /// secrets as everywhere else; PORT optional; OTLP from the OTEL_ variables.
    /// </summary>
    public static async Task<ApiSettings> FromEnvironmentAsync(Func<string, string?> variables, CancellationToken ct)
    {
        var database = await ConnectionSettings.ResolveAsync(Target.Local, variables, ct)
            ?? throw new CruddurException($"{ConnectionSettings.LocalVariable} is not set (export it, or run the API with: cruddur up)");
        var port = variables("PORT") is { Length: > 0 } text ? ParsePort(text, "PORT") : DefaultPort;
        return new ApiSettings(database, port, OtlpTarget.FromEnvironment(variables), FeedCacheOn(variables));
    }

    public static bool FeedCacheOn(Func<string, string?> variables) => variables(FeedCacheVariable) switch
    {
        null or "" or "on" => true,
        "off" => false,
        var other => throw new CruddurException($"{FeedCacheVariable} is '{other}' (expected on or off)"),
    };

    public static int ParsePort(string text, string source) =>
        int.TryParse(text, out var port) && port is >= 0 and <= 65535
            ? port
            : throw new CruddurException($"{source} is '{text}' (expected a TCP port, 0 to 65535)");
}
