using System.CommandLine;

namespace Cruddur.Cli.Commands.Db;

/// <summary>Opens psql on the database, the password through a temporary password file (see <see cref="ClientProgram"/>).</summary>
public static class ConnectCommand
{
    public static Command Build(CliContext cli)
    {
        var command = new Command("connect", "Open an interactive psql session (the document's db-connect)") { cli.Options.Prod };
        CommandAction.Set(cli, command, async (result, ct) =>
            await ClientProgram.RunAsync(cli, "psql", await Targets.ResolveAsync(cli, result, ct), [], errorLine: null, ct));
        return command;
    }
}
