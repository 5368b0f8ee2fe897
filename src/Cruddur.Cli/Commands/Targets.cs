using System.CommandLine;
using Cruddur.Data;
using Cruddur.Secrets;
using Cruddur.Chores.Admin;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Cli.Commands;

/// <summary>
/// Configuration flows one way: environment and flags become the one <see cref="Database"/> a command
/// works on. Local without CONNECTION_URL is the embedded cluster, started when needed.
/// </summary>
public static class Targets
{
    public static Target Of(CliContext cli, ParseResult result) => result.GetValue(cli.Options.Prod) ? Target.Prod : Target.Local;

    /// <summary>Whether the command works on the embedded cluster (local, with no CONNECTION_URL or secret).</summary>
    public static bool UsesCluster(CliContext cli, ParseResult result) =>
        Of(cli, result) == Target.Local && !ConnectionSettings.IsConfigured(Target.Local, cli.Variable);

    /// <summary>The database a chore works on; of several hosts, always the primary (chores write).</summary>
    public static async Task<Database> ResolveAsync(CliContext cli, ParseResult result, CancellationToken ct)
    {
        var target = Of(cli, result);
        var configured = await ConnectionSettings.ResolveAsync(target, ConnectionProfile.Cli, cli.Variable, ConnectionSecret.SecretsManager, ct);
        if (configured is not null)
        {
            if (result.GetValue(cli.Options.Wait) is { } seconds)
                await ServerWait.UntilAcceptingAsync(configured, TimeSpan.FromSeconds(seconds), cli.Terminal.Line, ct);
            return configured with { Settings = OnPrimary(configured.Settings) };
        }
        var local = await cli.Cluster.StartAsync(ct);
        return new Database(local, "the local cluster: cruddur local status");
    }

    static NpgsqlConnectionStringBuilder OnPrimary(NpgsqlConnectionStringBuilder settings) =>
        HostList.IsMultiHost(settings) ? new(settings.ConnectionString) { TargetSessionAttributes = "primary" } : settings;

    /// <summary>Production data is lost only on purpose: destructive steps there need --force.</summary>
    public static void RefuseOnProdWithoutForce(CliContext cli, ParseResult result, string step)
    {
        if (Of(cli, result) == Target.Prod && !ConnectionSettings.IsConfigured(Target.Prod, cli.Variable))
            throw ConnectionSettings.ProdNotSet();
        if (Of(cli, result) == Target.Prod && !result.GetValue(cli.Options.Force))
            throw new CruddurException($"refusing to {step} on production without --force (it changes or deletes production data)");
    }
}
