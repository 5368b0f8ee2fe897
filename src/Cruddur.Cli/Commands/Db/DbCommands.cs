using System.CommandLine;

namespace Cruddur.Cli.Commands.Db;

/// <summary>The database chores, with the document's names (db-create becomes <c>db create</c>).</summary>
public static class DbCommands
{
    public static Command Build() => new("db", "Database chores, on the local database or with --prod on production")
    {
        CommonOptions.Wait,
        CreateCommand.Build(),
        DropCommand.Build(),
        SchemaLoadCommand.Build(),
        MigrateCommand.Build(),
        SeedCommand.Build(),
        SetupCommand.Build(),
        ConnectCommand.Build(),
        SessionsCommand.Build(),
        StatusCommand.Build(),
        RolesCommand.Build(),
        CaBundleCommand.Build(),
        DumpCommand.Build(),
        RestoreCommand.Build(),
        UrlCommand.Build(),
    };
}
