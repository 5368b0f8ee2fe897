using System.CommandLine;
using System.Diagnostics;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Chores.Admin;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Cli.Commands.Db;

/// <summary>
/// pg_restore of a <c>db dump</c> file in one transaction: whole or not at all. A database that already
/// holds tables is replaced only with --force (dropped and created again), and production as for drop.
/// </summary>
public static class RestoreCommand
{
    static readonly Argument<string> File = new("FILE") { Description = "A dump written by cruddur db dump (pg_dump custom format)" };

    public static Command Build(CliContext cli)
    {
        var command = new Command("restore", "Restore a db dump file with pg_restore; refuses a database with tables unless --force")
        {
            File, cli.Options.Prod, cli.Options.Force,
        };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            Targets.RefuseOnProdWithoutForce(cli, result, "restore over the database");
            var file = result.GetValue(File)!;
            RequireArchive(file);
            await RunAsync(cli, await Targets.ResolveAsync(cli, result, ct), file, result.GetValue(cli.Options.Force), ct);
        });
        return command;
    }

    static async Task RunAsync(CliContext cli, Database database, string file, bool force, CancellationToken ct)
    {
        await PrepareAsync(cli, database, force, ct);
        cli.Terminal.Banner("db restore");
        var clock = Stopwatch.StartNew();
        var progress = new RestoreProgress(cli.Terminal);
        var exit = await ClientProgram.RunAsync(cli, "pg_restore", database,
            ["--verbose", "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", $"--dbname={Identifier.Validate(database.Name)}", file],
            progress.Read, ct);
        if (exit != 0) throw new CruddurException($"pg_restore failed and restored nothing ({ClientErrors.Last(progress.Errors)})");
        cli.Terminal.Line($"Restored: {file} into {database.Name} ({progress.Tables} tables) in {clock.Elapsed.TotalSeconds:0.0} s");
        cli.Terminal.Line("Owners and grants are not restored: run cruddur db roles to grant the API's and the Lambda's roles");
    }

    // Refusing before anything is dropped: a file that is not a dump must not cost the database.
    static void RequireArchive(string file)
    {
        if (!System.IO.File.Exists(file)) throw new CruddurException($"{file} does not exist");
        Span<byte> magic = stackalloc byte[5];
        using var stream = System.IO.File.OpenRead(file);
        if (stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) < magic.Length || !magic.SequenceEqual("PGDMP"u8))
            throw new CruddurException($"{file} is not a pg_dump custom-format archive (make one with: cruddur db dump)");
    }

    static async Task PrepareAsync(CliContext cli, Database database, bool force, CancellationToken ct)
    {
        if (!await DatabaseAdmin.ExistsAsync(database, ct))
        {
            await CreateCommand.RunAsync(cli, database, ct);
            return;
        }
        var relations = await DatabaseAdmin.UserRelationsAsync(database, ct);
        NpgsqlConnection.ClearAllPools(); // so that our own idle connection does not count as another session
        if (relations == 0) return;
        if (!force)
            throw new CruddurException($"database {database.Name} is not empty ({relations} tables, indexes or sequences; run with --force to drop and recreate it)");
        await DropCommand.RunAsync(cli, database, force: true, ct);
        await CreateCommand.RunAsync(cli, database, ct);
    }
}
