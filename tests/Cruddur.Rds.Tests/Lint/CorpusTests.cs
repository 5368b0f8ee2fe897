namespace Cruddur.Rds.Tests.Lint;

/// <summary>Real templates and describe outputs from shared/rds-corpus, with findings verified by reading each file.</summary>
public sealed class CorpusTests
{
    static Task<Testing.CliProcess.Result> LintAsync(string corpusFile, IReadOnlyDictionary<string, string?>? environment = null) =>
        RdsCli.RunAsync(environment ?? RdsCli.NoRegion, "rds", "lint", Files.Corpus(corpusFile));

    [Fact]
    public async Task Cruddur_bootcamp_template_is_public_unencrypted_and_keeps_no_backups()
    {
        var result = await LintAsync("cruddur-db-template.yml");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(new SortedSet<string>(
        [
            "RDS-PUBLIC", "RDS-ENCRYPT-REST", "RDS-MANAGED-SECRET", "RDS-IAM-AUTH", "RDS-BACKUP", "RDS-LOG-EXPORTS",
            "RDS-MULTI-AZ", "RDS-DEFAULT-PORT", "RDS-ENH-MONITORING", "RDS-PI-CMK", "RDS-COPY-TAGS",
        ]), result.Ids("FAIL", "Database"));
        // The NoEcho password parameter, the in-template SG (source SG only) and PG 15.2's TLS default pass;
        // the master user name is a parameter without a default, so it stays unknown.
        Assert.Equal(new SortedSet<string>(["RDS-CA", "RDS-ADMIN-NAME"]), result.Ids("UNKNOWN", "Database"));
        Assert.Contains("BackupRetentionPeriod is 0, which disables automated backups", result.Stdout);
        Assert.Contains("Fix: StorageEncrypted: true (optionally KmsKeyId).", result.Stdout);
    }

    [Fact]
    public async Task Private_PostgreSQL_14_template_without_a_parameter_group_does_not_force_TLS()
    {
        var result = await LintAsync("awscfn-postgresql-rds.yml");

        Assert.Equal(new SortedSet<string>(
        [
            "RDS-MANAGED-SECRET", "RDS-TLS-FORCE", "RDS-DELETION-PROTECT", "RDS-IAM-AUTH", "RDS-LOG-EXPORTS",
            "RDS-DEFAULT-PORT", "RDS-ENH-MONITORING", "RDS-COPY-TAGS",
        ]), result.Ids("FAIL", "DbInstance"));
        Assert.Equal(new SortedSet<string>(["RDS-CA"]), result.Ids("UNKNOWN", "DbInstance"));
        Assert.Contains("PostgreSQL 14.2 with the default parameter group", result.Stdout);
    }

    [Fact]
    public async Task Describe_output_of_a_public_mysql_instance_fails_the_engine_neutral_rules_and_says_what_it_skipped()
    {
        var result = await LintAsync("rddevry-describe-db-instances-library-db.json", RdsCli.Region("us-east-1"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(new SortedSet<string>(
        [
            "RDS-PUBLIC", "RDS-DELETION-PROTECT", "RDS-BACKUP", "RDS-MULTI-AZ", "RDS-ADMIN-NAME", "RDS-ENH-MONITORING",
        ]), result.Ids("FAIL", "library-db"));
        Assert.Equal(new SortedSet<string>(["RDS-SG-OPEN", "RDS-TLS-FORCE", "RDS-LOG-EXPORTS", "RDS-DEFAULT-PORT"]), result.Ids("UNKNOWN", "library-db"));
        Assert.Contains("engine mysql is outside this linter's PostgreSQL scope", result.Stdout);
        Assert.Contains("check sg-0a7074de8b1019d54 with aws ec2 describe-security-groups", result.Stdout);
    }

    [Fact]
    public async Task Describe_output_of_a_stopped_instance_with_an_expired_CA_reports_both()
    {
        var result = await LintAsync("awscli-describe-db-instances-2016.json", RdsCli.Region("us-east-1"));

        var fails = result.Ids("FAIL", "mydbinstance-1");
        Assert.Contains("RDS-CA", fails);
        Assert.Contains("RDS-IDLE", fails);
        Assert.Contains("RDS-ENCRYPT-REST", fails);
        Assert.DoesNotContain("RDS-PUBLIC", fails);
        Assert.DoesNotContain("RDS-BACKUP", fails);
        Assert.Contains("CA rds-ca-2015 is not a current G1 CA", result.Stdout);
    }

    [Fact]
    public async Task A_literal_template_password_is_reported_without_its_value()
    {
        var result = await LintAsync("awslabs-rds-snapshot-on-delete-2023.yaml");

        Assert.Contains("RDS-PLAINTEXT-PASSWORD", result.Ids("FAIL", "MyDB"));
        Assert.Contains("RDS-PUBLIC", result.Ids("FAIL", "MyDB"));
        Assert.DoesNotContain("myPassword", result.Output);
    }

    [Fact]
    public async Task Managed_password_sample_passes_the_secret_rules_its_2023_version_failed()
    {
        var result = await LintAsync("cfn-templates-rds-snapshot-on-delete.yaml");

        var fails = result.Ids("FAIL", "MyDB");
        Assert.DoesNotContain("RDS-PLAINTEXT-PASSWORD", fails);
        Assert.DoesNotContain("RDS-MANAGED-SECRET", fails);
        Assert.DoesNotContain("RDS-PUBLIC", fails);
        Assert.DoesNotContain("RDS-ENCRYPT-REST", fails);
    }

    [Fact]
    public async Task User_guide_managed_password_example_in_JSON_passes_the_secret_rules_and_fails_the_unset_defaults()
    {
        var result = await LintAsync("cfn-userguide-managed-master-password.json");

        Assert.Equal(new SortedSet<string>(
        [
            "RDS-PUBLIC", "RDS-ENCRYPT-REST", "RDS-DELETION-PROTECT", "RDS-IAM-AUTH", "RDS-BACKUP", "RDS-MINOR-UPGRADE",
            "RDS-MULTI-AZ", "RDS-ENH-MONITORING", "RDS-COPY-TAGS",
        ]), result.Ids("FAIL", "MyInstance"));
        Assert.Equal(new SortedSet<string>(["RDS-SG-OPEN", "RDS-TLS-FORCE", "RDS-CA", "RDS-LOG-EXPORTS", "RDS-DEFAULT-PORT"]), result.Ids("UNKNOWN", "MyInstance"));
    }

    [Fact]
    public async Task User_guide_enhanced_monitoring_example_passes_monitoring_and_its_NoEcho_password()
    {
        var result = await LintAsync("cfn-userguide-enhanced-monitoring.yaml");

        Assert.Equal(new SortedSet<string>(
        [
            "RDS-PUBLIC", "RDS-ENCRYPT-REST", "RDS-MANAGED-SECRET", "RDS-DELETION-PROTECT", "RDS-IAM-AUTH", "RDS-BACKUP",
            "RDS-MULTI-AZ", "RDS-COPY-TAGS",
        ]), result.Ids("FAIL", "MyDB"));
        Assert.Equal(new SortedSet<string>(["RDS-SG-OPEN", "RDS-TLS-FORCE", "RDS-CA", "RDS-LOG-EXPORTS", "RDS-DEFAULT-PORT", "RDS-ADMIN-NAME"]), result.Ids("UNKNOWN", "MyDB"));
    }

    [Fact]
    public async Task Parameter_groups_of_the_template_decide_force_ssl_per_instance()
    {
        var result = await LintAsync("checkov-rds-encryption-in-transit.yaml");

        Assert.DoesNotContain("RDS-TLS-FORCE", result.Ids("FAIL", "PostgresPassInstance"));
        Assert.DoesNotContain("RDS-TLS-FORCE", result.Ids("UNKNOWN", "PostgresPassInstance"));
        Assert.Contains("RDS-TLS-FORCE", result.Ids("FAIL", "PostgresFailParam0Instance"));
        // A group without the key leaves the family default, which needs the engine version: unknown, not passed.
        Assert.Contains("RDS-TLS-FORCE", result.Ids("UNKNOWN", "PostgresFailParamMissingInstance"));
        Assert.Contains("RDS-TLS-FORCE", result.Ids("UNKNOWN", "DB2PassInstance"));
    }

    [Theory]
    [InlineData("checkov-rds-iam-auth-passed.yaml", "")]
    [InlineData("checkov-rds-iam-auth-fail.yaml", "RDS-IAM-AUTH")]
    public async Task IAM_authentication_is_read_from_the_template(string file, string expected)
    {
        var result = await LintAsync(file);

        Assert.Equal(expected.Length > 0, result.Ids("FAIL").Contains("RDS-IAM-AUTH"));
        Assert.Contains("RDS-PLAINTEXT-PASSWORD", result.Ids("FAIL"));
    }

    [Theory]
    [InlineData("cfn-templates-aurora-postgres.yaml")]
    [InlineData("copilot-aurora-serverless.yml")]
    public async Task Aurora_only_templates_are_named_out_of_scope(string file)
    {
        var result = await LintAsync(file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: the template has only Aurora DB clusters: out of scope (this linter checks RDS for PostgreSQL DB instances)", result.Stderr.Trim());
    }
}
