using System.CommandLine;

namespace Cruddur.Cli.Commands.Rds;

/// <summary>The RDS side of the document, done securely: plan, lint, the dev IP rule, stop/start for cost.</summary>
public static class RdsCommands
{
    public static Command Build(CliContext cli) => new("rds", "Plan, check and operate the production RDS for PostgreSQL instance")
    {
        PlanCommand.Build(cli),
        LintCommand.Build(cli),
        UpdateSgRuleCommand.Build(cli),
        StatusCommand.Build(cli),
        StopCommand.Build(cli),
        StartCommand.Build(cli),
    };
}
