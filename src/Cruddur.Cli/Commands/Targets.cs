using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Data.Admin;
using Cruddur.Data.Local;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands;

/// <summary>
/// Configuration flows one way: environment and flags become the one <see cref="Database"/> a command
/// works on. Local without CONNECTION_URL is the embedded cluster, started when needed.
/// </summary>
public static class Targets
{
    public static Target Of(ParseResult result) => result.GetValue(CommonOptions.Prod) ? Target.Prod : Target.Local;

    public static LocalCluster Cluster() =>
        new(Environment.GetEnvironmentVariable("CRUDDUR_HOME") is { Length: > 0 } home ? home : ".cruddur");

    public static async Task<Database> ResolveAsync(ParseResult result, CancellationToken ct)
    {
        var target = Of(result);
        var configured = await ConnectionSettings.ResolveAsync(target, Environment.GetEnvironmentVariable, ct);
        if (configured is not null)
        {
            if (result.GetValue(CommonOptions.Wait) is { } seconds)
                await ServerWait.UntilAcceptingAsync(configured, TimeSpan.FromSeconds(seconds), Terminal.Console.Line, ct);
            return configured;
        }
        var local = await Cluster().StartAsync(ct);
        return new Database(local, "the local cluster: cruddur local status");
    }

    /// <summary>Production data is lost only on purpose: destructive steps there need --force.</summary>
    public static void RefuseOnProdWithoutForce(ParseResult result, string step)
    {
        if (Of(result) == Target.Prod && !result.GetValue(CommonOptions.Force))
            throw new CruddurException($"refusing to {step} on production without --force (it changes or deletes production data)");
    }
}
