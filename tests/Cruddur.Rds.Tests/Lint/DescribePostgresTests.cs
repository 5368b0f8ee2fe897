namespace Cruddur.Rds.Tests.Lint;

/// <summary>
/// The corpus has no PostgreSQL describe output, so this fixture is what describe-db-instances shows for
/// the document's instance once created and stopped: the PostgreSQL-only rules must be evaluated on it.
/// </summary>
public sealed class DescribePostgresTests
{
    [Fact]
    public async Task Document_instance_as_described_fails_TLS_on_the_default_PostgreSQL_14_group_and_reports_the_stop()
    {
        var result = await RdsCli.RunAsync(RdsCli.Region("eu-west-1"), "rds", "lint", Files.Fixture("describe-postgres14-stopped.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(new SortedSet<string>(
        [
            "RDS-PUBLIC", "RDS-MANAGED-SECRET", "RDS-TLS-FORCE", "RDS-DELETION-PROTECT", "RDS-IAM-AUTH", "RDS-BACKUP",
            "RDS-LOG-EXPORTS", "RDS-MULTI-AZ", "RDS-DEFAULT-PORT", "RDS-ADMIN-NAME", "RDS-ENH-MONITORING", "RDS-COPY-TAGS", "RDS-IDLE",
        ]), result.Ids("FAIL"));
        Assert.Equal(new SortedSet<string>(["RDS-SG-OPEN"]), result.Ids("UNKNOWN"));
        Assert.Contains("PostgreSQL 14.6 with the default parameter group: rds.force_ssl defaults to 0 before 15", result.Stdout);
        Assert.Contains("stopped; AWS will start it again at 2026-03-08 10:15 UTC", result.Stdout);
    }
}
