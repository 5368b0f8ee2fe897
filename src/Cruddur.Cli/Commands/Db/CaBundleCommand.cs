using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Db;

/// <summary>Fetches the RDS CA bundle into the cache that verify-full connections use when no sslrootcert is set.</summary>
public static class CaBundleCommand
{
    static readonly Option<bool> Refresh = new("--refresh") { Description = "Download it again even when it is cached" };

    public static Command Build(CliContext cli)
    {
        var command = new Command("ca-bundle", $"Download the RDS CA bundle ({RdsCaBundle.Source}) into the cache used for sslmode=verify-full")
        {
            Refresh,
        };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            cli.Terminal.Banner("db ca-bundle");
            var path = RdsCaBundle.PathFor(cli.Variable);
            if (File.Exists(path) && !result.GetValue(Refresh))
            {
                cli.Terminal.Line($"Cached: {path} (nothing to do; --refresh downloads it again)");
                return;
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var count = await RdsCaBundle.FetchAsync(http, path, ct);
            cli.Terminal.Line($"Fetched: {path} ({count} certificates)");
        });
        return command;
    }
}
