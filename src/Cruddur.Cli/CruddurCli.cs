using System.CommandLine;
using Cruddur.Cli.Commands;
using Cruddur.Cli.Commands.Db;
using Cruddur.Cli.Commands.Lambda;
using Cruddur.Cli.Commands.Local;
using Cruddur.Cli.Commands.Rds;
using Cruddur.Cli.Commands.Users;

namespace Cruddur.Cli;

/// <summary>The whole CLI as one call: arguments in, an exit code out, all output through the context.</summary>
public static class CruddurCli
{
    public static async Task<int> RunAsync(string[] args, CliContext cli)
    {
        var root = Build(cli);
        var parsed = root.Parse(args.Length == 0 ? ["--help"] : CommonOptions.WithProdWord(args));
        if (parsed.Errors.Count > 0) return UsageErrors.Report(parsed, cli);
        return await parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = cli.Terminal.Output,
            Error = cli.Terminal.ErrorOutput,
            // Ctrl-C cancels the command's token; a served API then needs up to its shutdown timeout to stop.
            ProcessTerminationTimeout = Api.CruddurApi.ShutdownTimeout + TimeSpan.FromSeconds(5),
        });
    }

    static RootCommand Build(CliContext cli) => new("cruddur: the PostgreSQL and AWS RDS layer of Cruddur")
    {
        cli.Options.Verbose,
        UpCommand.Build(cli),
        ServeApiCommand.Build(cli),
        DbCommands.Build(cli),
        LocalCommands.Build(cli),
        LambdaCommands.Build(cli),
        RdsCommands.Build(cli),
        UsersCommands.Build(cli),
    };
}
