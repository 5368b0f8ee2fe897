using System.CommandLine;

namespace Cruddur.Cli.Commands.Users;

/// <summary>Users of the local Cognito that <c>cruddur up</c> runs: sign one up, get an access token.</summary>
public static class UsersCommands
{
    public static Command Build(CliContext cli) => new("users", "Users of the local Cognito (cruddur up): add, token")
    {
        AddCommand.Build(cli),
        TokenCommand.Build(cli),
    };

    /// <summary>Where <c>cruddur up</c> keeps the local Cognito's state.</summary>
    public static string Home(CliContext cli) => cli.Cluster.Home;
}
