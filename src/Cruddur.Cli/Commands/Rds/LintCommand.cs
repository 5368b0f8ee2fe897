using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Rds.Inputs;
using Cruddur.Rds.Lint;
using Cruddur.Rds.Lint.Reports;
using Cruddur.Rds.Rules;
using Checked = Cruddur.Rds.Rules.Targets;

namespace Cruddur.Cli.Commands.Rds;

/// <summary>
/// Checks an RDS configuration against the rule table. Exit codes: 0 no finding at or above
/// --fail-on, 2 at least one, 1 the input could not be read.
/// </summary>
public static class LintCommand
{
    public const int FindingsExitCode = 2;

    // --input's words; auto (absent here) detects the input.
    static readonly Dictionary<string, Cruddur.Rds.InputKind> InputWords = new()
    {
        ["cli"] = Cruddur.Rds.InputKind.Command,
        ["describe"] = Cruddur.Rds.InputKind.Describe,
        ["cfn"] = Cruddur.Rds.InputKind.CloudFormation,
    };

    public static Command Build(CliContext cli)
    {
        var file = new Argument<string?>("file") { Description = "The configuration to check; - or nothing reads stdin", Arity = ArgumentArity.ZeroOrOne };
        var inputFormat = new Option<string>("--input") { Description = "What the input is (auto detects it)", DefaultValueFactory = _ => "auto" };
        inputFormat.AcceptOnlyFromAmong(["auto", .. InputWords.Keys]);
        var format = new Option<string>("--format") { Description = "Output: text lines, one JSON document, or SARIF 2.1.0 for code scanning", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var failOn = new Option<string>("--fail-on") { Description = "The lowest severity that makes the exit code 2", DefaultValueFactory = _ => "high" };
        failOn.AcceptOnlyFromAmong("critical", "high", "medium", "low", "info");
        var command = new Command("lint",
            "Check aws rds create-db-instance (and read replica, proxy) commands, describe-db-instances JSON or a CloudFormation template against the RDS rules " +
            "(exit 0: clean at --fail-on, 2: findings at or above it, 1: unreadable input)") { file, inputFormat, format, failOn };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            var path = result.GetValue(file);
            var text = await ReadAsync(cli, path, ct);
            var input = InputReader.Read(text, InputWords.TryGetValue(result.GetValue(inputFormat)!, out var kind) ? kind : null);
            var threshold = SeverityNames.Parse(result.GetValue(failOn)!);
            var report = Linter.Lint(input, LintContext.FromEnvironment(cli.Variable));
            switch (result.GetValue(format))
            {
                case "json": cli.Terminal.Output.Write(JsonReport.Render(report, LintedSource.Of(path, text, input), input.Kind, threshold)); break;
                case "sarif": cli.Terminal.Output.Write(SarifLog.Render(report, LintedSource.Of(path, text, input))); break;
                default: Print(cli, input, report, threshold); break;
            }
            return report.Blocking(threshold).Any() ? FindingsExitCode : 0;
        });
        return command;
    }

    static void Print(CliContext cli, LintInput input, LintReport report, Severity threshold)
    {
        foreach (var (name, target) in input.Instances.Select(i => (i.Name, i.Target)))
        {
            cli.Terminal.Banner(FindingText.Printable($"rds lint {name} ({Describe(input.Kind, target)})"));
            foreach (var finding in report.Findings.Where(f => f.Instance == name && (f.IsFailure || f.IsUnknown || f.IsAccepted)))
            {
                var line = FindingText.Printable(FindingText.Line(finding));
                if (finding.IsFailure && finding.Rule.Severity >= threshold) cli.Terminal.Warn(line);
                else cli.Terminal.Line(line);
            }
        }
        foreach (var note in report.Notes) cli.Terminal.Line(FindingText.Printable($"Skipped: {note}"));
        cli.Terminal.Line(FindingText.Summary(report));
        cli.Terminal.Line(FindingText.Result(report, threshold));
    }

    static string Describe(Cruddur.Rds.InputKind kind, Checked target) => (kind, target) switch
    {
        (Cruddur.Rds.InputKind.Command, Checked.Replica) => "create-db-instance-read-replica command",
        (Cruddur.Rds.InputKind.Command, Checked.Proxy) => "create-db-proxy command",
        (Cruddur.Rds.InputKind.Command, _) => "create-db-instance command",
        (Cruddur.Rds.InputKind.Describe, _) => "describe-db-instances",
        (_, Checked.Replica) => "CloudFormation read replica",
        (_, Checked.Proxy) => "CloudFormation RDS Proxy",
        _ => "CloudFormation",
    };

    static async Task<string> ReadAsync(CliContext cli, string? path, CancellationToken ct)
    {
        if (path is null && !cli.InputIsRedirected)
            throw new CruddurException("nothing to check: give a file, or pipe it in (cruddur rds plan --output cli | cruddur rds lint)");
        if (path is null or "-")
        {
            await using var stdin = cli.OpenInput();
            return await InputText.ReadAsync(stdin, ct);
        }
        var shown = path.Length > 200 ? path[..200] + "…" : path;
        if (Directory.Exists(path)) throw new CruddurException($"cannot read {shown} (a directory; give a file)");
        try
        {
            await using var file = File.OpenRead(path);
            return await InputText.ReadAsync(file, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var cause = e switch
            {
                FileNotFoundException => "no such file",
                DirectoryNotFoundException => "no such directory",
                PathTooLongException => "the path is too long",
                UnauthorizedAccessException => "permission denied",
                _ => "read error",
            };
            throw new CruddurException($"cannot read {shown} ({cause})", e);
        }
    }
}
