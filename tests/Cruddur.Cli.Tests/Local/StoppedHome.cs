using System.Diagnostics;
using System.Text.Json.Nodes;
using Cruddur.Chores.Local;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Cli.Tests.Local;

/// <summary>
/// A home that <c>up --no-api</c> made (created, migrated, seeded) and <c>local stop</c> stopped, made once
/// and copied into each test's own home: a test that breaks a cluster starts from a finished one without
/// running initdb, migrations and the seed again.
/// </summary>
public sealed class StoppedHome : IAsyncLifetime
{
    readonly string _template = Path.Combine(Path.GetTempPath(), $"cruddur-repair-template-{Guid.NewGuid():N}");

    public async ValueTask InitializeAsync()
    {
        var environment = new Dictionary<string, string?> { ["CRUDDUR_HOME"] = _template };
        var up = await InProcessCli.RunAsync(environment, "up", "--no-api");
        Assert.True(up.ExitCode == 0, up.Output);
        var stop = await InProcessCli.RunAsync(environment, "local", "stop");
        Assert.True(stop.ExitCode == 0, stop.Output);
        ForgetConnections();
    }

    /// <summary>
    /// Every copy has the template's port and password, and the CLI runs in this process, whose connection
    /// pools outlive a run: idle connections to a stopped copy must not be handed to the next one.
    /// </summary>
    public static void ForgetConnections() => NpgsqlConnection.ClearAllPools();

    public async ValueTask DisposeAsync() => await new LocalCluster(_template).DestroyAsync(CancellationToken.None);

    /// <summary>
    /// The template copied to <paramref name="home"/> (absent until then) with owners and modes kept, as
    /// the server needs them, and cluster.json pointed at the copy's own server folder.
    /// </summary>
    public async Task CopyToAsync(string home)
    {
        using (var copy = Process.Start("cp", ["-a", _template, home])!)
        {
            await copy.WaitForExitAsync();
            Assert.Equal(0, copy.ExitCode);
        }
        var stateFile = Path.Combine(home, "cluster.json");
        var state = JsonNode.Parse(await File.ReadAllTextAsync(stateFile))!.AsObject();
        var serverDirectory = (string)state["ServerDirectory"]!;
        // The server folder is inside the home whenever the postgres user can reach it, as under /tmp.
        Assert.StartsWith(_template + "/", serverDirectory);
        state["ServerDirectory"] = home + serverDirectory[_template.Length..];
        await File.WriteAllTextAsync(stateFile, state.ToJsonString());
    }
}
