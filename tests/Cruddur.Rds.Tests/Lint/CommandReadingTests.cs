namespace Cruddur.Rds.Tests.Lint;

/// <summary>The shell forms a pasted command comes in, and the API defaults the linter must not mistake for safe.</summary>
public sealed class CommandReadingTests
{
    const string Secure =
        "aws rds create-db-instance --db-instance-identifier db --engine postgres --engine-version 16.4 --master-username app " +
        "--manage-master-user-password --storage-encrypted --deletion-protection --backup-retention-period 7 " +
        "--enable-iam-database-authentication --db-subnet-group-name private ";

    [Theory]
    [InlineData("--publicly-accessible", "FAIL")]
    [InlineData("--no-publicly-accessible", "PASS")]
    [InlineData("--publicly-accessible=false", "PASS")]
    [InlineData("--publicly-accessible true", "FAIL")]
    public async Task Public_access_is_read_in_every_flag_form(string flag, string expected)
    {
        var result = await RdsCli.LintTextAsync(Secure + flag);

        Assert.Equal(expected == "FAIL", result.Ids("FAIL").Contains("RDS-PUBLIC"));
    }

    [Fact]
    public async Task Omitted_publicly_accessible_without_a_subnet_group_counts_as_public_like_the_API_default()
    {
        var result = await RdsCli.LintTextAsync(Secure.Replace("--db-subnet-group-name private ", ""));

        Assert.Contains("RDS-PUBLIC", result.Ids("FAIL"));
        Assert.Contains("the API then makes the instance public", result.Stdout);
    }

    [Fact]
    public async Task Omitted_publicly_accessible_with_a_subnet_group_is_unknown_not_passed()
    {
        var result = await RdsCli.LintTextAsync(Secure);

        Assert.Contains("RDS-PUBLIC", result.Ids("UNKNOWN"));
    }

    [Fact]
    public async Task Unset_backup_retention_fails_because_the_API_default_is_one_day_unlike_checkov()
    {
        var result = await RdsCli.LintTextAsync(Secure.Replace("--backup-retention-period 7 ", ""));

        Assert.Contains("RDS-BACKUP", result.Ids("FAIL"));
        Assert.Contains("the API default is 1 day", result.Stdout);
    }

    [Theory]
    [InlineData("14.6", "FAIL")]
    [InlineData("15.2", "PASS")]
    public async Task Default_parameter_group_forces_TLS_only_from_PostgreSQL_15(string version, string expected)
    {
        var result = await RdsCli.LintTextAsync(Secure.Replace("16.4", version));

        Assert.Equal(expected == "FAIL", result.Ids("FAIL").Contains("RDS-TLS-FORCE"));
    }

    [Fact]
    public async Task A_custom_parameter_group_outside_the_input_is_unknown_with_the_command_to_check_it()
    {
        var result = await RdsCli.LintTextAsync(Secure + "--db-parameter-group-name legacy-pg");

        Assert.Contains("RDS-TLS-FORCE", result.Ids("UNKNOWN"));
        Assert.Contains("aws rds describe-db-parameters --db-parameter-group-name legacy-pg", result.Stdout);
    }

    [Fact]
    public async Task Quotes_continuations_equals_and_json_lists_are_understood()
    {
        var command = """
            AWS_PAGER= aws --region eu-west-1 rds create-db-instance \
              --db-instance-identifier "quoted-db" \
              --engine='postgres' --engine-version 16.4 \
              --enable-cloudwatch-logs-exports '["postgresql","upgrade"]' \
              --monitoring-interval=60 --copy-tags-to-snapshot
            """;

        var result = await RdsCli.LintTextAsync(command, RdsCli.Region("eu-west-1"));

        Assert.Contains("== rds lint quoted-db (create-db-instance command)", result.Stdout);
        Assert.DoesNotContain("RDS-LOG-EXPORTS", result.Ids("FAIL"));
        Assert.DoesNotContain("RDS-ENH-MONITORING", result.Ids("FAIL"));
        Assert.DoesNotContain("RDS-COPY-TAGS", result.Ids("FAIL"));
        Assert.DoesNotContain("RDS-REGION", result.Ids("FAIL"));
    }

    [Fact]
    public async Task A_password_from_a_shell_variable_is_still_a_plaintext_password_on_the_process_list()
    {
        var result = await RdsCli.LintTextAsync(Secure + "--master-user-password \"$DB_PASSWORD\"");

        Assert.Contains("RDS-PLAINTEXT-PASSWORD", result.Ids("FAIL"));
        Assert.Contains("comes from a shell variable", result.Stdout);
    }
}
