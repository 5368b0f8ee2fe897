using System.CommandLine;
using Cruddur.Cli.Cognito;
using Cruddur.Data;

namespace Cruddur.Cli.Commands.Users;

/// <summary>Signs a local user in and prints their access token, alone on stdout, for curl.</summary>
public static class TokenCommand
{
    public static Command Build(CliContext cli)
    {
        var handle = new Argument<string>("handle") { Description = "A handle added with cruddur users add, or a seeded one" };
        var command = new Command("token", "Sign a local user in (USER_PASSWORD_AUTH) and print their access token") { handle };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            var home = UsersCommands.Home(cli);
            var pool = await LocalPool.RunningAsync(home, ct);
            var wanted = result.GetValue(handle)!;
            var user = (await LocalUser.AllAsync(home, ct)).GetValueOrDefault(wanted)
                ?? throw new CruddurException($"no local user {wanted} (add one: cruddur users add {wanted} --email E --name N)");
            using var cognito = new CognitoClient(pool.Endpoint);
            cli.Terminal.Output.WriteLine(await pool.SignInAsync(cognito, user, ct));
        });
        return command;
    }
}
