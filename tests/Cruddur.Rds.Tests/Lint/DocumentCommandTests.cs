namespace Cruddur.Rds.Tests.Lint;

/// <summary>The document's own create-db-instance command, judged against the evaluation table of rds-rules.md.</summary>
public sealed class DocumentCommandTests
{
    static string Document => Files.ReadFixture("document-create-db-instance.sh");

    [Fact]
    public async Task Document_command_fails_exactly_the_rules_the_evaluation_table_fails_plus_root_as_admin_name()
    {
        var result = await RdsCli.LintTextAsync(Document);

        Assert.Equal(2, result.ExitCode);
        string[] evaluationTableFails =
        [
            "RDS-PUBLIC", "RDS-PLAINTEXT-PASSWORD", "RDS-MANAGED-SECRET", "RDS-DELETION-PROTECT", "RDS-BACKUP", "RDS-IAM-AUTH",
            "RDS-TLS-FORCE", "RDS-LOG-EXPORTS", "RDS-ENH-MONITORING", "RDS-COPY-TAGS", "RDS-MULTI-AZ", "RDS-DEFAULT-PORT", "RDS-PI-CMK",
        ];
        // The table passes 'root' for Security Hub and allows our own warning that it is easy to guess.
        Assert.Equal(new SortedSet<string>([.. evaluationTableFails, "RDS-ADMIN-NAME"]), result.Ids("FAIL"));
        Assert.Equal(new SortedSet<string>(["RDS-SG-OPEN", "RDS-CA", "RDS-REGION"]), result.Ids("UNKNOWN"));
        Assert.Contains("Result: FAIL (4 findings at high or above)", result.Stdout);
        Assert.Contains("Fix: --backup-retention-period 7 (or more, up to 35).", result.Stdout);
    }

    [Fact]
    public async Task Document_command_is_read_from_a_file_as_well_as_from_stdin()
    {
        var result = await RdsCli.RunAsync(RdsCli.NoRegion, "rds", "lint", Files.Fixture("document-create-db-instance.sh"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("RDS-PUBLIC", result.Ids("FAIL"));
        Assert.Contains("== rds lint cruddur-db-instance (create-db-instance command)", result.Stdout);
    }

    [Fact]
    public async Task Lint_never_echoes_the_document_password()
    {
        var result = await RdsCli.LintTextAsync(Document);

        Assert.Contains("RDS-PLAINTEXT-PASSWORD", result.Ids("FAIL"));
        Assert.DoesNotContain(Files.DocumentPassword, result.Output);
    }

    [Fact]
    public async Task A_broken_command_holding_the_password_fails_without_echoing_it()
    {
        var result = await RdsCli.LintTextAsync(Document.Replace("--master-user-password huEE33z2Qvl383", "--master-user-password 'huEE33z2Qvl383"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: the command has an unterminated single quote", result.Stderr.Trim());
        Assert.DoesNotContain(Files.DocumentPassword, result.Output);
    }

    [Theory]
    [InlineData("eu-west-1", "PASS")]
    [InlineData("us-east-1", "FAIL")]
    public async Task Document_availability_zone_is_compared_with_the_default_region(string region, string expected)
    {
        var result = await RdsCli.LintTextAsync(Document, RdsCli.Region(region));

        Assert.Equal(expected == "FAIL", result.Ids("FAIL").Contains("RDS-REGION"));
        Assert.DoesNotContain("RDS-REGION", result.Ids("UNKNOWN"));
    }

    [Fact]
    public async Task Fail_on_critical_still_fails_the_document_for_its_public_instance_and_plaintext_password()
    {
        var result = await RdsCli.LintTextAsync(Document, null, "--fail-on", "critical");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Result: FAIL (2 findings at critical or above)", result.Stdout);
    }

    [Fact]
    public async Task Document_fixed_by_hand_passes_at_high()
    {
        var fixedCommand = Document
            .Replace("--master-user-password huEE33z2Qvl383", "--manage-master-user-password")
            .Replace("--engine-version  14.6", "--engine-version 16.4")
            .Replace("--publicly-accessible", "--no-publicly-accessible");

        var result = await RdsCli.LintTextAsync(fixedCommand);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("RDS-TLS-FORCE", result.Ids("FAIL"));
        Assert.Contains("Result: PASS (no finding at high or above)", result.Stdout);
    }
}
