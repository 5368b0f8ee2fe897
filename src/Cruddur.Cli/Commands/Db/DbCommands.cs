using System.CommandLine;

namespace Cruddur.Cli.Commands.Db;

/// <summary>The database chores, with the document's names (db-create becomes <c>db create</c>).</summary>
public static class DbCommands
{
    public static Command Build(CliContext cli) => new("db", "Database chores, on the local database or with --prod on production")
    {
        cli.Options.Wait,
        CreateCommand.Build(cli),
        DropCommand.Build(cli),
        SchemaLoadCommand.Build(cli),
        MigrateCommand.Build(cli),
        SeedCommand.Build(cli),
        SetupCommand.Build(cli),
        ConnectCommand.Build(cli),
        SessionsCommand.Build(cli),
        StatusCommand.Build(cli),
        RolesCommand.Build(cli),
        CaBundleCommand.Build(cli),
        DumpCommand.Build(cli),
        RestoreCommand.Build(cli),
        UrlCommand.Build(cli),
    };
}
