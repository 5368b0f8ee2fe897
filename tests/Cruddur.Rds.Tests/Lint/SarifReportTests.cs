using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Cruddur.Rds.Rules;

namespace Cruddur.Rds.Tests.Lint;

/// <summary>
/// <c>rds lint --format sarif</c>, the file a code-scanning upload takes: valid against SARIF 2.1.0's
/// own definitions, the rule table as the driver's rules, one located result per failure or unknown.
/// </summary>
public sealed class SarifReportTests : IDisposable
{
    readonly string _repo = Directory.CreateTempSubdirectory("cruddur-sarif-").FullName;

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    static readonly JsonSchema Sarif = JsonSchema.FromText(File.ReadAllText(Files.Fixture("sarif-2.1.0-subset.schema.json")));

    async Task<JsonNode> SarifOfAsync(string relativePath, string content, params string[] extra)
    {
        var path = Path.Combine(_repo, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, content);
        var result = await RdsCli.RunInAsync(_repo, RdsCli.NoRegion, ["rds", "lint", relativePath, "--format", "sarif", .. extra]);
        Assert.Equal("", result.Stderr);
        return JsonNode.Parse(result.Stdout)!;
    }

    static void AssertValid(JsonNode log)
    {
        var evaluation = Sarif.Evaluate(JsonDocument.Parse(log.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(evaluation.IsValid, string.Join("\n", errors));
    }

    static JsonArray Results(JsonNode log) => log["runs"]![0]!["results"]!.AsArray();

    static SortedSet<string> RuleIds(JsonNode log, Func<JsonNode, bool> where) =>
        new(Results(log).Where(r => where(r!)).Select(r => r!["ruleId"]!.GetValue<string>()));

    [Fact]
    public async Task Document_command_as_sarif_is_valid_and_holds_its_failures_and_unknowns_located_on_the_command()
    {
        var log = await SarifOfAsync("infra/create-db.sh", Files.ReadFixture("document-create-db-instance.sh"));

        AssertValid(log);
        Assert.Equal("2.1.0", log["version"]!.GetValue<string>());
        Assert.Equal(14, RuleIds(log, r => r["kind"] is null).Count);
        Assert.Equal(new SortedSet<string>(["RDS-SG-OPEN", "RDS-CA", "RDS-REGION"]), RuleIds(log, r => r["kind"]?.GetValue<string>() == "review"));
        var identifierLine = File.ReadAllLines(Files.Fixture("document-create-db-instance.sh")).ToList().FindIndex(l => l.Contains("--db-instance-identifier")) + 1;
        foreach (var result in Results(log))
        {
            var location = result!["locations"]![0]!;
            Assert.Equal("infra/create-db.sh", location["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>());
            Assert.Equal(identifierLine, location["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>());
            Assert.Equal("cruddur-db-instance", location["logicalLocations"]![0]!["name"]!.GetValue<string>());
        }
        Assert.DoesNotContain(Files.DocumentPassword, log.ToJsonString());
    }

    [Theory]
    [InlineData("level", "fatal")]
    [InlineData("ruleIndex", "-2")]
    [InlineData("unknownMember", "1")]
    public async Task The_schema_check_refuses_a_log_the_standard_forbids(string member, string value)
    {
        var log = await SarifOfAsync("create-db.sh", Files.ReadFixture("document-create-db-instance.sh"));
        Results(log)[0]![member] = int.TryParse(value, out var number) ? number : value;

        var evaluation = Sarif.Evaluate(JsonDocument.Parse(log.ToJsonString()).RootElement);

        Assert.False(evaluation.IsValid);
    }

    [Fact]
    public async Task Levels_follow_the_rule_severity_and_unknowns_are_reviews_without_a_level()
    {
        var log = await SarifOfAsync("create-db.sh", Files.ReadFixture("document-create-db-instance.sh"));

        string LevelOf(string id) => Results(log).Single(r => r!["ruleId"]!.GetValue<string>() == id)!["level"]!.GetValue<string>();
        Assert.Equal("error", LevelOf("RDS-PUBLIC"));
        Assert.Equal("error", LevelOf("RDS-MANAGED-SECRET"));
        Assert.Equal("warning", LevelOf("RDS-BACKUP"));
        Assert.Equal("note", LevelOf("RDS-MULTI-AZ"));
        Assert.Equal("none", LevelOf("RDS-CA"));
    }

    [Fact]
    public async Task Driver_rules_are_the_rule_table_with_names_help_and_the_source_page()
    {
        var log = await SarifOfAsync("create-db.sh", Files.ReadFixture("document-create-db-instance.sh"));

        var rules = log["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal(RuleTable.All.Select(r => r.Id), rules.Select(r => r!["id"]!.GetValue<string>()));
        var pub = rules[0]!;
        Assert.Equal("RdsPublic", pub["name"]!.GetValue<string>());
        Assert.Equal("https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-2", pub["helpUri"]!.GetValue<string>());
        Assert.Contains("Security Hub RDS.2; cdk-nag RDSInstancePublicAccess (HIPAA/NIST/PCI); checkov CKV_AWS_17; practice 3", pub["help"]!["text"]!.GetValue<string>());
        Assert.Equal("9.5", pub["properties"]!["security-severity"]!.GetValue<string>());
        Assert.All(rules, r => Assert.StartsWith("https://docs.aws.amazon.com/", r!["helpUri"]!.GetValue<string>()));
        foreach (var result in Results(log))
        {
            var index = result!["ruleIndex"]!.GetValue<int>();
            Assert.Equal(result["ruleId"]!.GetValue<string>(), rules[index]!["id"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Accepted_findings_of_a_plan_are_results_with_an_in_source_suppression_and_its_reason()
    {
        var plan = await RdsCli.RunAsync(RdsCli.Region("eu-west-1"), "rds", "plan", "--output", "cfn", "--single-az");

        var log = await SarifOfAsync("db.json", plan.Stdout);

        AssertValid(log);
        var multiAz = Results(log).Single(r => r!["ruleId"]!.GetValue<string>() == "RDS-MULTI-AZ")!;
        var suppression = multiAz["suppressions"]![0]!;
        Assert.Equal("inSource", suppression["kind"]!.GetValue<string>());
        Assert.StartsWith("--single-az: half the cost", suppression["justification"]!.GetValue<string>());
        Assert.Equal(RuleIds(log, r => r["suppressions"] is not null), new SortedSet<string>(["RDS-MULTI-AZ", "RDS-DEFAULT-PORT", "RDS-PI-CMK"]));
        var databaseLine = plan.Stdout.Split('\n').ToList().FindIndex(l => l.Contains("\"Database\":")) + 1;
        Assert.Equal(databaseLine, multiAz["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_proxy_command_is_located_on_its_own_line()
    {
        var log = await SarifOfAsync("proxy.sh", "#!/bin/sh\naws rds create-db-proxy \\\n  --db-proxy-name pool \\\n  --engine-family POSTGRESQL\n");

        AssertValid(log);
        Assert.Equal(new SortedSet<string>(["RDS-PROXY-IAM", "RDS-PROXY-TLS"]), RuleIds(log, _ => true));
        Assert.All(Results(log), r => Assert.Equal(3, r!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_template_outside_the_working_folder_is_named_by_its_file_uri_and_resource_line()
    {
        var corpus = Files.Corpus("cruddur-db-template.yml");

        var result = await RdsCli.RunInAsync(_repo, RdsCli.NoRegion, "rds", "lint", corpus, "--format", "sarif");

        Assert.Equal(2, result.ExitCode);
        var log = JsonNode.Parse(result.Stdout)!;
        AssertValid(log);
        var location = Results(log)[0]!["locations"]![0]!["physicalLocation"]!;
        Assert.Equal(new Uri(corpus).AbsoluteUri, location["artifactLocation"]!["uri"]!.GetValue<string>());
        Assert.Equal(File.ReadAllLines(corpus).ToList().IndexOf("  Database:") + 1, location["region"]!["startLine"]!.GetValue<int>());
    }

    [Fact]
    public async Task Stdin_is_named_stdin_and_unreadable_input_writes_no_sarif_but_one_red_line()
    {
        var piped = await RdsCli.LintTextAsync(Files.ReadFixture("document-create-db-instance.sh"), null, "--format", "sarif");
        var broken = await RdsCli.LintTextAsync("Resources: [", null, "--format", "sarif");

        Assert.Equal("stdin", Results(JsonNode.Parse(piped.Stdout)!)[0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>());
        Assert.Equal(1, broken.ExitCode);
        Assert.Equal("", broken.Stdout);
        Assert.StartsWith("Error: the YAML does not parse", broken.Stderr.Trim());
    }
}
