using System.Text.Json.Nodes;

namespace Cruddur.Rds.Tests.Plan;

/// <summary>The plan's two forms pass our own linter and cfn-lint; each relaxation shows up as an accepted finding.</summary>
public sealed class PlanTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("cruddur-plan-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static readonly string[] Relaxed =
        ["--allow-public", "--single-az", "--no-deletion-protection", "--backup-days", "1", "--security-group-id", "sg-0123456789abcdef0"];

    async Task<string> PlanAsync(string form, params string[] extra)
    {
        var result = await RdsCli.RunAsync(RdsCli.Region("eu-west-1"), ["rds", "plan", "--output", form, .. extra]);
        Assert.Equal(0, result.ExitCode);
        var path = Path.Combine(_dir, form == "cli" ? "create-db.sh" : "db.json");
        await File.WriteAllTextAsync(path, result.Stdout);
        return path;
    }

    [Theory]
    [InlineData("cli")]
    [InlineData("cfn")]
    public async Task Default_plan_passes_lint_with_no_failure_and_two_accepted_findings(string form)
    {
        var path = await PlanAsync(form);

        var lint = await RdsCli.RunAsync(RdsCli.Region("eu-west-1"), "rds", "lint", path, "--fail-on", "info");

        Assert.Equal(0, lint.ExitCode);
        Assert.Empty(lint.Ids("FAIL"));
        Assert.Equal(new SortedSet<string>(["RDS-DEFAULT-PORT", "RDS-PI-CMK"]), lint.Ids("ACCEPTED"));
        Assert.Equal(new SortedSet<string>(["RDS-SG-OPEN"]), lint.Ids("UNKNOWN"));
    }

    [Theory]
    [InlineData("cli")]
    [InlineData("cfn")]
    public async Task Each_relaxation_is_a_named_accepted_finding(string form)
    {
        var path = await PlanAsync(form, Relaxed);

        var lint = await RdsCli.RunAsync(RdsCli.Region("eu-west-1"), "rds", "lint", path, "--fail-on", "info");

        Assert.Equal(0, lint.ExitCode);
        Assert.Empty(lint.Ids("FAIL"));
        Assert.Equal(new SortedSet<string>(["RDS-PUBLIC", "RDS-MULTI-AZ", "RDS-DELETION-PROTECT", "RDS-BACKUP", "RDS-DEFAULT-PORT", "RDS-PI-CMK"]), lint.Ids("ACCEPTED"));
        Assert.Contains("Reason: --allow-public: reachable from the internet", lint.Stdout);
    }

    static readonly string[] TemplateVariants =
    [
        "",
        "--allow-public --single-az --no-deletion-protection --backup-days 1 --security-group-id sg-0123456789abcdef0",
        "--kms-key-id arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab --subnet-group-name private-db --port 6432",
        "--no-enhanced-monitoring",
        "--monitoring-role-arn arn:aws:iam::123456789012:role/rds-monitoring-role",
    ];

    [Fact]
    public async Task Plan_templates_pass_cfn_lint_with_and_without_relaxations()
    {
        var paths = new List<string>();
        for (var i = 0; i < TemplateVariants.Length; i++)
        {
            var result = await RdsCli.RunAsync(RdsCli.Region("eu-west-1"), ["rds", "plan", "--output", "cfn", .. TemplateVariants[i].Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
            Assert.Equal(0, result.ExitCode);
            paths.Add(Path.Combine(_dir, $"variant-{i}.json"));
            await File.WriteAllTextAsync(paths[^1], result.Stdout);
        }

        var (exitCode, output) = await CfnLint.RunAsync(paths);

        Assert.True(exitCode == 0, $"cfn-lint exit {exitCode}:\n{output}");
    }

    [Fact]
    public async Task A_customer_managed_key_and_another_port_leave_nothing_to_accept()
    {
        var path = await PlanAsync("cli", "--kms-key-id", "arn:aws:kms:eu-west-1:123456789012:key/abcd", "--port", "6432");

        var lint = await RdsCli.RunAsync(RdsCli.Region("eu-west-1"), "rds", "lint", path, "--fail-on", "info");

        Assert.Equal(0, lint.ExitCode);
        Assert.Empty(lint.Ids("ACCEPTED"));
    }

    [Fact]
    public async Task Plan_holds_no_password_and_lets_RDS_manage_it()
    {
        var script = await File.ReadAllTextAsync(await PlanAsync("cli"));
        var template = JsonNode.Parse(await File.ReadAllTextAsync(await PlanAsync("cfn")))!;

        Assert.DoesNotContain("--master-user-password", script);
        Assert.Contains("--manage-master-user-password", script);
        var database = template["Resources"]!["Database"]!["Properties"]!;
        Assert.Null(database["MasterUserPassword"]);
        Assert.True(database["ManageMasterUserPassword"]!.GetValue<bool>());
        Assert.Equal("1", template["Resources"]!["DBParameterGroup"]!["Properties"]!["Parameters"]!["rds.force_ssl"]!.GetValue<string>());
        Assert.Equal("Snapshot", template["Resources"]!["Database"]!["DeletionPolicy"]!.GetValue<string>());
        Assert.Equal("Snapshot", template["Resources"]!["Database"]!["UpdateReplacePolicy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Plan_fixes_the_document_public_instance_disabled_backups_and_missing_deletion_protection()
    {
        var script = await File.ReadAllTextAsync(await PlanAsync("cli"));

        Assert.Contains("--no-publicly-accessible", script);
        Assert.Contains("--backup-retention-period 7", script);
        Assert.Contains("--deletion-protection", script);
        Assert.DoesNotContain("--no-deletion-protection", script);
        Assert.Contains("--enable-iam-database-authentication", script);
        Assert.Contains("--ca-certificate-identifier rds-ca-rsa2048-g1", script);
    }

    [Fact]
    public async Task Plan_script_piped_into_lint_passes()
    {
        var plan = await RdsCli.RunAsync(RdsCli.Region("eu-west-1"), "rds", "plan", "--output", "cli");

        var lint = await RdsCli.LintTextAsync(plan.Stdout, RdsCli.Region("eu-west-1"));

        Assert.Equal(0, lint.ExitCode);
        Assert.Contains("Result: PASS (no finding at high or above)", lint.Stdout);
    }

    [Fact]
    public async Task Plan_replaces_the_document_outdated_14_6_with_a_current_major_and_its_parameter_group_family()
    {
        var script = await File.ReadAllTextAsync(await PlanAsync("cli"));

        Assert.DoesNotContain("14.6", script);
        Assert.Contains("--engine-version 17.9", script);
        Assert.Contains("--db-parameter-group-family postgres17", script);
    }

    [Theory]
    [InlineData("us-east-2", "--region us-east-2")]
    [InlineData(null, "--region eu-west-1")]
    public async Task Plan_region_comes_from_AWS_REGION_else_the_document_eu_west_1(string? region, string expected)
    {
        var environment = region is null ? RdsCli.NoRegion : RdsCli.Region(region);

        var result = await RdsCli.RunAsync(environment, "rds", "plan", "--output", "cli");

        Assert.Contains($"aws rds create-db-instance {expected}", result.Stdout);
    }

    [Theory]
    [InlineData("root")]
    [InlineData("postgres")]
    [InlineData("Admin")]
    public async Task Plan_refuses_the_document_root_and_other_guessable_master_users(string user)
    {
        var result = await RdsCli.RunAsync(RdsCli.NoRegion, "rds", "plan", "--master-username", user);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: --master-username {user} is a name attackers try first (RDS-ADMIN-NAME); choose another, e.g. cruddur_owner", result.Stderr.Trim());
    }

    [Fact]
    public async Task Plan_with_both_forms_lists_the_accepted_findings_first()
    {
        var result = await RdsCli.RunAsync(RdsCli.Region("eu-west-1"), "rds", "plan", "--single-az");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("== rds plan cruddur-db-instance: PostgreSQL 17.9 in eu-west-1", result.Stdout);
        Assert.Contains("Accepted: RDS-MULTI-AZ --single-az: half the cost", result.Stdout);
        Assert.Contains("== create script (bash)", result.Stdout);
        Assert.Contains("== CloudFormation template", result.Stdout);
    }
}
