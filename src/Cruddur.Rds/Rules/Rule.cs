namespace Cruddur.Rds.Rules;

/// <summary>
/// One row of the rule table in shared/rds-rules.md: what it checks, our severity, how to fix it (as
/// <c>aws rds</c> flags, and as CloudFormation properties in <c>TemplateFix</c>), and
/// the controls of other tools that check the same thing (so a finding can be traced to its source),
/// and the page of the rule's first source (Security Hub's control, else the RDS guide or API).
/// </summary>
public sealed record Rule(
    string Id,
    Severity Severity,
    string What,
    string Fix,
    string SecurityHub,
    string CdkNag,
    string Checkov,
    string Practice,
    string TemplateFix,
    string HelpUri)
{
    /// <summary>What the rule is checked on; the rest get no finding for it.</summary>
    public Targets AppliesTo { get; init; } = Targets.Instance | Targets.Replica;

    /// <summary>The id as one PascalCase word (<c>RDS-PI-CMK</c> → <c>RdsPiCmk</c>), as SARIF's rule name.</summary>
    public string Name => string.Concat(Id.Split('-').Select(part => part[..1] + part[1..].ToLowerInvariant()));

    /// <summary>The source control ids, one bracket, empty sources left out.</summary>
    public string Sources =>
        string.Join("; ", new[]
        {
            SecurityHub.Length > 0 ? $"Security Hub {SecurityHub}" : "",
            CdkNag.Length > 0 ? $"cdk-nag {CdkNag}" : "",
            Checkov.Length > 0 ? $"checkov {Checkov}" : "",
            Practice.Length > 0 ? $"practice {Practice}" : "",
        }.Where(s => s.Length > 0));
}

/// <summary>The resources a rule can be about: a DB instance, a read replica of one, an RDS Proxy.</summary>
[Flags]
public enum Targets { Instance = 1, Replica = 2, Proxy = 4 }
