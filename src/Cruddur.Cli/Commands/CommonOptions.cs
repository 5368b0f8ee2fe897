using System.CommandLine;

namespace Cruddur.Cli.Commands;

/// <summary>
/// Options shared by many commands, defined once per command tree: an option records the commands it is
/// added to, so each tree (each <see cref="CliContext"/>) has its own.
/// </summary>
public sealed class CommonOptions
{
    public Option<bool> Prod { get; } = new("--prod")
    {
        Description = "Work on production (PROD_CONNECTION_URL) instead of the local database; a trailing 'prod' word works too",
    };

    public Option<bool> Force { get; } = new("--force")
    {
        Description = "Allow a destructive step on production, or end other sessions before a drop",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the status as one JSON object instead of lines (the exit code is the same)",
    };

    public const int DefaultWaitSeconds = 60;

    /// <summary>dbmate's --wait, on every db chore: <c>--wait</c> alone waits up to a minute.</summary>
    public Option<int?> Wait { get; } = new("--wait")
    {
        Description = $"First wait up to SECONDS (default {DefaultWaitSeconds}) for the server to accept connections",
        HelpName = "SECONDS",
        Arity = ArgumentArity.ZeroOrOne,
        Recursive = true,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0) return DefaultWaitSeconds;
            if (int.TryParse(result.Tokens[0].Value, out var seconds) && seconds >= 0) return seconds;
            // An option with an optional value takes the next word: "db restore --wait FILE" would lose FILE.
            result.AddError($"--wait takes whole seconds, e.g. --wait 30 (or put --wait last to wait {DefaultWaitSeconds} s)");
            return null;
        },
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show the stack trace of a failure",
        Recursive = true,
    };

    /// <summary>The document runs <c>db-seed prod</c>: a <c>prod</c> word after a db verb means <c>--prod</c>.</summary>
    public static string[] WithProdWord(string[] args) =>
        args.Length >= 3 && args[0] == "db"
            ? args.Select((arg, i) => i >= 2 && arg == "prod" ? "--prod" : arg).ToArray()
            : args;
}
