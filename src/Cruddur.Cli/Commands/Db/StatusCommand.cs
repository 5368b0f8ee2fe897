using System.CommandLine;
using System.Text.Json;
using Cruddur.Cli.Output;
using Cruddur.Chores.Admin;
using Cruddur.Chores.Migrations;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Db;

/// <summary>
/// Replaces the document's troubleshooting step (<c>echo $CONNECTION_URL</c>, which prints the password).
/// Exit code 3 when the database is absent or not migrated as this build expects, so scripts can check it.
/// </summary>
public static class StatusCommand
{
    public const int NotReady = 3;

    sealed record Report(string Url, string Server, string Version, string Database, bool Present, MigrationStatus? Migrations, RowCounts? Rows,
        IReadOnlyList<HostReport>? Hosts)
    {
        public bool UpToDate => Present && Migrations is { UpToDate: true };
    }

    public static Command Build(CliContext cli)
    {
        var command = new Command("status", "Can it connect, server version, each host's role and lag, migrations applied and pending, row counts; exit 3 when not up to date")
        {
            cli.Options.Prod, cli.Options.Json,
        };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            var report = await ReadAsync(await Targets.ResolveAsync(cli, result, ct), ct);
            if (result.GetValue(cli.Options.Json)) cli.Terminal.Line(JsonSerializer.Serialize(report, JsonOutput.Options));
            else Print(cli, report);
            return report.UpToDate ? 0 : NotReady;
        });
        return command;
    }

    static async Task<Report> ReadAsync(Database database, CancellationToken ct)
    {
        var version = await DatabaseAdmin.ServerVersionAsync(database, ct);
        var present = await DatabaseAdmin.ExistsAsync(database, ct);
        var migrations = present ? await new Migrator(database).StatusAsync(ct) : null;
        var rows = migrations is { Applied.Count: > 0 } ? await RowCounts.ReadAsync(database, ct) : null;
        var hosts = HostList.IsMultiHost(database.Settings)
            ? (await HostRoles.ReadAsync(database.Settings, ct)).Select(h => new HostReport(h.Endpoint.ToString(), h.Role.ToString().ToLowerInvariant(), h.LagBytes, h.Describe())).ToList()
            : null;
        return new Report(database.RedactedUrl, database.Endpoint, version, database.Name, present, migrations, rows, hosts);
    }

    /// <summary>One server of a host list: primary, standby or unreachable, and a standby's replay lag.</summary>
    sealed record HostReport(string Endpoint, string Role, long? LagBytes, [property: System.Text.Json.Serialization.JsonIgnore] string Text);

    static void Print(CliContext cli, Report report)
    {
        cli.Terminal.Line($"Url: {report.Url}");
        cli.Terminal.Line($"Server: {report.Server} PostgreSQL {report.Version}   Database: {report.Database} ({(report.Present ? "present" : "absent")})");
        foreach (var host in report.Hosts ?? []) cli.Terminal.Line($"Host: {host.Endpoint} {host.Text}");
        if (report.Migrations is not { } migrations)
        {
            cli.Terminal.Warn($"Not ready: database {report.Database} does not exist (run: cruddur db create, then cruddur db migrate)");
            return;
        }
        foreach (var name in migrations.Applied)
            cli.Terminal.Line(migrations.NotInBuild.Contains(name) ? $"[?] {name} (applied, but not in this build: deleted or renamed?)" : $"[X] {name}");
        foreach (var name in migrations.Pending) cli.Terminal.Line($"[ ] {name}");
        var notInBuild = migrations.NotInBuild.Count > 0 ? $"   Not in this build: {migrations.NotInBuild.Count}" : "";
        cli.Terminal.Line($"Applied: {migrations.Applied.Count}   Pending: {migrations.Pending.Count}{notInBuild}");
        if (report.Rows is { } rows) cli.Terminal.Line($"Rows: users {rows.Users}, activities {rows.Activities}");
        if (migrations.Pending.Count > 0)
            cli.Terminal.Warn($"Not ready: {migrations.Pending.Count} pending migration(s) (run: cruddur db migrate)");
        if (migrations.NotInBuild.Count > 0)
            cli.Terminal.Warn($"Not ready: {migrations.NotInBuild.Count} applied migration(s) this build does not have (restore the file, or check out the code that has it)");
    }
}
