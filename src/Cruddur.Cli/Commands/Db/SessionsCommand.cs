using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Chores.Admin;
using Spectre.Console;

namespace Cruddur.Cli.Commands.Db;

public static class SessionsCommand
{
    public static Command Build(CliContext cli)
    {
        var command = new Command("sessions", "List the server's sessions (the document's pg_stat_activity view)") { cli.Options.Prod };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            var database = await Targets.ResolveAsync(cli, result, ct);
            cli.Terminal.Banner("db sessions");
            var table = new Table().AddColumns("process_id", "user", "db", "client_addr", "app", "state");
            foreach (var s in await DatabaseAdmin.SessionsAsync(database, ct))
                table.AddRow(new[] { s.ProcessId.ToString(), s.User, s.Db, s.ClientAddress, s.App, s.State }.Select(Markup.Escape).ToArray());
            cli.Terminal.Table(table);
        });
        return command;
    }
}
