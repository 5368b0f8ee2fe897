using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Cli.Commands.Db;

/// <summary>
/// The connection URL for psql, pg_dump or a GUI tool, with the TLS settings it needs. Without
/// --show-password it has no password at all (so a tool asks for it), rather than a placeholder.
/// </summary>
public static class UrlCommand
{
    static readonly Option<bool> ShowPassword = new("--show-password")
    {
        Description = "Include the password (or IAM token) in the URL; it is printed in clear",
    };

    public static Command Build(CliContext cli)
    {
        var command = new Command("url", "Print the connection URL for psql, pg_dump or a GUI tool (no password unless --show-password)")
        {
            cli.Options.Prod, ShowPassword,
        };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            var database = await Targets.ResolveAsync(cli, result, ct);
            cli.Terminal.Line(Url(database.Settings, result.GetValue(ShowPassword)));
        });
        return command;
    }

    static string Url(NpgsqlConnectionStringBuilder settings, bool withPassword)
    {
        var user = Uri.EscapeDataString(settings.Username ?? "");
        var password = withPassword && settings.Password is { Length: > 0 } secret ? ":" + Uri.EscapeDataString(secret) : "";
        var credentials = user.Length > 0 || password.Length > 0 ? $"{user}{password}@" : "";
        var query = $"?sslmode={Transport.Name(settings.SslMode)}";
        if (settings.RootCertificate is { Length: > 0 } root) query += $"&sslrootcert={Uri.EscapeDataString(root)}";
        return $"postgresql://{credentials}{Host(settings.Host)}:{settings.Port}/{Uri.EscapeDataString(settings.Database ?? "")}{query}";
    }

    static string Host(string? host) => host switch
    {
        null or "" => "",
        _ when host.StartsWith('/') => Uri.EscapeDataString(host),
        _ when host.Contains(':') => $"[{host}]",
        _ => host,
    };
}
