using System.Text.Json.Nodes;
using Cruddur.Rds.Rules;

namespace Cruddur.Rds.Tests.Lint;

/// <summary><c>rds lint --format json</c>: every rule on every instance, the same verdicts and exit code as the text lines.</summary>
public sealed class JsonReportTests
{
    [Fact]
    public async Task Json_report_holds_every_rule_with_the_verdicts_of_the_text_report()
    {
        var document = Files.ReadFixture("document-create-db-instance.sh");
        var text = await RdsCli.LintTextAsync(document);

        var json = await RdsCli.LintTextAsync(document, null, "--format", "json");

        Assert.Equal(text.ExitCode, json.ExitCode);
        var report = JsonNode.Parse(json.Stdout)!;
        var findings = report["findings"]!.AsArray().Select(f => f!).ToList();
        Assert.Equal(RuleTable.All.Where(r => r.AppliesTo.HasFlag(Targets.Instance)).Select(r => r.Id), findings.Select(f => f["ruleId"]!.GetValue<string>()));
        SortedSet<string> With(string verdict) => new(findings.Where(f => f["verdict"]!.GetValue<string>() == verdict).Select(f => f["ruleId"]!.GetValue<string>()));
        Assert.Equal(text.Ids("FAIL"), With("fail"));
        Assert.Equal(text.Ids("UNKNOWN"), With("unknown"));
        Assert.Equal(new SortedSet<string>(["RDS-PUBLIC", "RDS-PLAINTEXT-PASSWORD", "RDS-MANAGED-SECRET", "RDS-TLS-FORCE"]),
            new SortedSet<string>(findings.Where(f => f["blocking"]!.GetValue<bool>()).Select(f => f["ruleId"]!.GetValue<string>())));
        Assert.Equal("fail", report["result"]!.GetValue<string>());
        Assert.Equal("create-db-instance", report["input"]!["kind"]!.GetValue<string>());
        Assert.Equal(14, report["summary"]!["failed"]!.GetValue<int>());
        var backup = findings.Single(f => f["ruleId"]!.GetValue<string>() == "RDS-BACKUP");
        Assert.Equal("RDS.11", backup["sources"]!["securityHub"]!.GetValue<string>());
        Assert.Equal("--backup-retention-period 7 (or more, up to 35)", backup["fix"]!.GetValue<string>());
        Assert.Equal(2, backup["line"]!.GetValue<int>());
        Assert.DoesNotContain(Files.DocumentPassword, json.Stdout);
    }

    [Fact]
    public async Task Json_report_of_a_clean_plan_passes_with_its_accepted_findings_and_reasons()
    {
        var plan = await RdsCli.RunAsync(RdsCli.Region("eu-west-1"), "rds", "plan", "--output", "cli");

        var json = await RdsCli.LintTextAsync(plan.Stdout, RdsCli.Region("eu-west-1"), "--format", "json", "--fail-on", "info");

        Assert.Equal(0, json.ExitCode);
        var report = JsonNode.Parse(json.Stdout)!;
        Assert.Equal("pass", report["result"]!.GetValue<string>());
        var accepted = report["findings"]!.AsArray().Where(f => f!["verdict"]!.GetValue<string>() == "accepted").ToList();
        Assert.Equal(["RDS-DEFAULT-PORT", "RDS-PI-CMK"], accepted.Select(f => f!["ruleId"]!.GetValue<string>()).Order());
        Assert.All(accepted, f => Assert.False(string.IsNullOrEmpty(f!["acceptedReason"]!.GetValue<string>())));
    }
}
