using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Chores.Roles;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Db;

/// <summary>
/// Least privilege (the document's "limit the operation of the users"): the API and the Lambda log in
/// as roles that can do their job and nothing else, while DDL stays with the user running this.
/// </summary>
public static class RolesCommand
{
    static readonly Option<bool> Iam = new("--iam")
    {
        Description = "Let the roles log in with RDS IAM tokens (LOGIN, no password, GRANT rds_iam)",
    };

    public static Command Build(CliContext cli)
    {
        var command = new Command("roles",
            "Create cruddur_app and cruddur_post_confirmation (idempotent) and grant them only what they need; " +
            "a role gets LOGIN with the password in CRUDDUR_APP_PASSWORD / CRUDDUR_POST_CONFIRMATION_PASSWORD")
        {
            cli.Options.Prod, Iam,
        };
        CommandAction.Set(cli, command, async (result, ct) =>
            await RunAsync(cli, await Targets.ResolveAsync(cli, result, ct), result.GetValue(Iam), ct));
        return command;
    }

    static async Task RunAsync(CliContext cli, Database database, bool iam, CancellationToken ct)
    {
        cli.Terminal.Banner("db roles");
        foreach (var role in DatabaseRole.All)
        {
            var password = cli.Variable(role.PasswordVariable);
            var login = iam ? RoleLogin.Iam : string.IsNullOrEmpty(password) ? RoleLogin.Unchanged : RoleLogin.Password;
            var outcome = await RoleSetup.ApplyAsync(database, role, login, password, ct);
            cli.Terminal.Line($"{(outcome.Created ? "Created" : "Exists")}: {role.Name} ({Describe(outcome)}) on {database.Name}: {role.Privileges}");
        }
    }

    static string Describe(RoleOutcome outcome) => outcome.Login switch
    {
        RoleLogin.Password => "login with password",
        RoleLogin.Iam => "login with IAM token",
        _ when outcome.Created => $"NOLOGIN until {outcome.Role.PasswordVariable} is set",
        _ => "login unchanged",
    };
}
