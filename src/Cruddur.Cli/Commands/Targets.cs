using System.CommandLine;
using Cruddur.Cli.Cognito;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Secrets;
using Cruddur.Chores.Admin;
using Cruddur.Chores.Local;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Cli.Commands;

/// <summary>
/// Configuration flows one way: environment and flags become the one <see cref="Database"/> a command
/// works on. Local without CONNECTION_URL is the embedded cluster, started when needed.
/// </summary>
public static class Targets
{
    // One per process, so that a lock held by `up` covers the cluster operations it runs. Its notes
    // (Waiting: ..., Repairing: ...) go to stderr, since stdout may be a command's JSON.
    static readonly Lazy<LocalCluster> LocalCluster = new(() =>
        new(Environment.GetEnvironmentVariable("CRUDDUR_HOME") is { Length: > 0 } home ? home : ".cruddur")
        {
            Progress = Terminal.Console.Detail,
            OtherFolders = Emulator.FoldersInHome,
        });

    public static Target Of(ParseResult result) => result.GetValue(CommonOptions.Prod) ? Target.Prod : Target.Local;

    public static LocalCluster Cluster() => LocalCluster.Value;

    /// <summary>Whether the command works on the embedded cluster (local, with no CONNECTION_URL or secret).</summary>
    public static bool UsesCluster(ParseResult result) =>
        Of(result) == Target.Local && !ConnectionSettings.IsConfigured(Target.Local, Environment.GetEnvironmentVariable);

    /// <summary>The database a chore works on; of several hosts, always the primary (chores write).</summary>
    public static async Task<Database> ResolveAsync(ParseResult result, CancellationToken ct)
    {
        var target = Of(result);
        var configured = await ConnectionSettings.ResolveAsync(target, ConnectionProfile.Cli, Environment.GetEnvironmentVariable, ConnectionSecret.SecretsManager, ct);
        if (configured is not null)
        {
            if (result.GetValue(CommonOptions.Wait) is { } seconds)
                await ServerWait.UntilAcceptingAsync(configured, TimeSpan.FromSeconds(seconds), Terminal.Console.Line, ct);
            return configured with { Settings = OnPrimary(configured.Settings) };
        }
        var local = await Cluster().StartAsync(ct);
        return new Database(local, "the local cluster: cruddur local status");
    }

    static NpgsqlConnectionStringBuilder OnPrimary(NpgsqlConnectionStringBuilder settings) =>
        HostList.IsMultiHost(settings) ? new(settings.ConnectionString) { TargetSessionAttributes = "primary" } : settings;

    /// <summary>Production data is lost only on purpose: destructive steps there need --force.</summary>
    public static void RefuseOnProdWithoutForce(ParseResult result, string step)
    {
        if (Of(result) == Target.Prod && !ConnectionSettings.IsConfigured(Target.Prod, Environment.GetEnvironmentVariable))
            throw ConnectionSettings.ProdNotSet();
        if (Of(result) == Target.Prod && !result.GetValue(CommonOptions.Force))
            throw new CruddurException($"refusing to {step} on production without --force (it changes or deletes production data)");
    }
}
