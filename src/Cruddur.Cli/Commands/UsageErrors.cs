using System.CommandLine;
using System.CommandLine.Parsing;
using Cruddur.Cli.Output;

namespace Cruddur.Cli.Commands;

/// <summary>
/// A command line that does not parse is one red line naming what is wrong, with the nearest command
/// names for a typo, never System.CommandLine's "Required command was not provided" and a help page.
/// </summary>
public static class UsageErrors
{
    public static int Report(ParseResult result, CliContext cli)
    {
        cli.Terminal.Error(Describe(result));
        return 1;
    }

    static string Describe(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var path = Path(result.CommandResult);
        var unmatched = result.UnmatchedTokens.FirstOrDefault();
        var help = $"see: {path} --help";
        if (unmatched is not null && !unmatched.StartsWith('-') && command.Subcommands.Count > 0)
            return $"unknown command '{unmatched}' for '{path}' ({Suggestion(unmatched, command)}{help})";
        if (unmatched is not null)
            return $"unknown {(unmatched.StartsWith('-') ? "option" : "argument")} '{unmatched}' for '{path}' ({help})";
        if (command.Subcommands.Count > 0 && command.Action is null)
            return $"'{path}' needs a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))} ({help})";
        return $"{result.Errors[0].Message.TrimEnd('.')} ({help})";
    }

    static string Suggestion(string typed, Command command)
    {
        var near = command.Subcommands
            .Select(c => (c.Name, Distance: Distance(typed.ToLowerInvariant(), c.Name)))
            .Where(c => c.Distance <= Math.Max(2, c.Name.Length / 3) || c.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Distance)
            .Take(3)
            .Select(c => c.Name)
            .ToArray();
        return near.Length > 0 ? $"did you mean {string.Join(" or ", near)}? " : "";
    }

    static string Path(CommandResult result) =>
        result.Parent is CommandResult parent ? $"{Path(parent)} {result.Command.Name}" : "cruddur";

    // Levenshtein distance: how many single-letter edits turn one word into the other.
    static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
