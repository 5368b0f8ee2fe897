using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data.Admin;
using Cruddur.Data.Migrations;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Db;

/// <summary>Replaces the document's troubleshooting step (<c>echo $CONNECTION_URL</c>, which prints the password).</summary>
public static class StatusCommand
{
    public static Command Build()
    {
        var command = new Command("status", "Can it connect, server version, each host's role and lag, migrations applied and pending, row counts") { CommonOptions.Prod };
        CommandAction.Set(command, async (result, ct) =>
        {
            var database = await Targets.ResolveAsync(result, ct);
            var version = await DatabaseAdmin.ServerVersionAsync(database, ct);
            var present = await DatabaseAdmin.ExistsAsync(database, ct);
            Terminal.Console.Line($"Url: {database.RedactedUrl}");
            Terminal.Console.Line($"Server: {database.Endpoint} PostgreSQL {version}   Database: {database.Name} ({(present ? "present" : "absent")})");
            if (HostList.IsMultiHost(database.Settings))
                foreach (var host in await HostRoles.ReadAsync(database.Settings, ct)) Terminal.Console.Line($"Host: {host.Endpoint} {host.Describe()}");
            if (!present) return;

            var migrator = new Migrator(database);
            var applied = await migrator.AppliedAsync(ct);
            var pending = await migrator.PendingAsync(ct);
            foreach (var name in applied) Terminal.Console.Line($"[X] {name}");
            foreach (var name in pending) Terminal.Console.Line($"[ ] {name}");
            Terminal.Console.Line($"Applied: {applied.Count}   Pending: {pending.Count}");
            if (applied.Count == 0) return;
            var rows = await RowCounts.ReadAsync(database, ct);
            Terminal.Console.Line($"Rows: users {rows.Users}, activities {rows.Activities}");
        });
        return command;
    }
}
