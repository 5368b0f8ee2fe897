using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Chores.Admin;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Db;

/// <summary>pg_dump in its custom format, which <c>db restore</c> reads. An existing file is never overwritten.</summary>
public static class DumpCommand
{
    static readonly Argument<string?> File = new("FILE")
    {
        Description = "Where to write the dump (default: <database>-<UTC time>.dump in the current folder)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Command Build(CliContext cli)
    {
        var command = new Command("dump", "Write the database to a file with pg_dump (custom format, for db restore)") { File, cli.Options.Prod };
        CommandAction.Set(cli, command, async (result, ct) =>
            await RunAsync(cli, await Targets.ResolveAsync(cli, result, ct), result.GetValue(File), ct));
        return command;
    }

    static async Task RunAsync(CliContext cli, Database database, string? file, CancellationToken ct)
    {
        cli.Terminal.Banner("db dump");
        file ??= $"{database.Name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.dump";
        var target = Path.GetFullPath(file);
        if (Path.Exists(target)) throw new CruddurException($"{file} already exists (choose another file or remove it)");
        if (!await DatabaseAdmin.ExistsAsync(database, ct))
            throw new CruddurException($"database {database.Name} does not exist on {database.Endpoint} (run: cruddur db create)");

        // pg_dump writes beside the target, which appears only once the dump is whole.
        var partial = $"{target}.partial-{Guid.NewGuid():N}";
        var errors = new List<string>();
        try
        {
            var exit = await ClientProgram.RunAsync(cli, "pg_dump", database, ["--format=custom", $"--file={partial}"], errors.Add, ct);
            if (exit != 0) throw new CruddurException($"pg_dump failed ({ClientErrors.Last(errors)})");
            System.IO.File.Move(partial, target, overwrite: false);
        }
        finally
        {
            System.IO.File.Delete(partial);
        }
        cli.Terminal.Line($"Dumped: {database.Name} to {file} ({new FileInfo(target).Length / 1024.0:0.#} KiB)");
    }
}
