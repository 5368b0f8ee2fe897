using System.Text.RegularExpressions;

namespace Cruddur.Rds.Inputs;

/// <summary>
/// An <c>aws rds create-db-proxy</c> command: <c>--require-tls</c>, and the IAMAuth of each <c>--auth</c>
/// entry, written as shorthand (<c>AuthScheme=SECRETS,...,IAMAuth=REQUIRED</c>) or JSON.
/// </summary>
public static partial class CreateProxyCommand
{
    public static RdsConfiguration Read(AwsCommand c, IReadOnlyDictionary<string, string> accepted) => new()
    {
        Name = c.Text("db-proxy-name") ?? "(unnamed proxy)",
        Kind = InputKind.Command,
        Target = Rules.Targets.Proxy,
        Engine = c.Text("engine-family"),
        RequireTls = c.Bool("require-tls"),
        ProxyIamAuth = c.Has("auth") ? c.Values("auth").SelectMany(w => Entries(w.Text)).ToList() : null,
        Region = c.Text("region"),
        Accepted = accepted,
    };

    /// <summary>Each entry starts at its AuthScheme; one without IAMAuth gets the API default, DISABLED.</summary>
    static IEnumerable<string> Entries(string auth) =>
        auth.Split("AuthScheme", StringSplitOptions.RemoveEmptyEntries)
            .Where(entry => entry.Contains("SECRETS", StringComparison.OrdinalIgnoreCase) || entry.Contains("IAMAuth", StringComparison.Ordinal))
            .Select(entry => IamAuth().Match(entry) is { Success: true } m ? m.Groups[1].Value : "DISABLED");

    [GeneratedRegex(@"IAMAuth""?\s*[:=]\s*""?([A-Za-z]+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IamAuth();
}
