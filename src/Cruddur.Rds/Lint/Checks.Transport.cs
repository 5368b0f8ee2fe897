namespace Cruddur.Rds.Lint;

/// <summary>Encryption in transit: rds.force_ssl and the server's certificate authority.</summary>
public static partial class Checks
{
    /// <summary>The CAs RDS rotates server certificates for automatically.</summary>
    public static readonly string[] CurrentCas = ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"];

    static Outcome TlsForced(RdsConfiguration c, LintContext _)
    {
        if (c.IsUnresolved(nameof(c.ParameterGroupName))) return CannotResolve(c, "--db-parameter-group-name", "DBParameterGroupName");
        if (c.ParameterGroupName is { } group)
        {
            switch (c.ForceSsl)
            {
                case "1": return Outcome.Pass($"rds.force_ssl is 1 in parameter group {group}");
                case null:
                    return Outcome.Unknown($"parameter group {group} is not in the input: check it with aws rds describe-db-parameters --db-parameter-group-name {group} --query \"Parameters[?ParameterName=='rds.force_ssl']\"");
                case "": break;
                default: return Outcome.Fail($"rds.force_ssl is {c.ForceSsl} in parameter group {group}");
            }
        }
        if (NotPostgres(c) is { } outOfScope) return outOfScope;
        var where = c.ParameterGroupName is null ? "the default parameter group" : $"parameter group {c.ParameterGroupName} (which does not set rds.force_ssl)";
        return c.MajorVersion switch
        {
            null => Outcome.Unknown($"no engine version is given, so it is unknown whether {where} forces TLS (rds.force_ssl is 1 by default only from PostgreSQL 15 on)"),
            <= 14 => Outcome.Fail($"PostgreSQL {c.EngineVersion} with {where}: rds.force_ssl defaults to 0 before 15, so clients may connect without TLS"),
            _ => Outcome.Pass($"PostgreSQL {c.EngineVersion}: rds.force_ssl defaults to 1 from 15 on"),
        };
    }

    /// <summary>
    /// An unset CA is reported as unknown, not passed (checkov's CKV_AWS_211 passes it): the account or
    /// Region default applies, which can be an old CA, and only describe output after creation tells.
    /// </summary>
    static Outcome CertificateAuthority(RdsConfiguration c, LintContext _)
    {
        if (c.IsUnresolved(nameof(c.CaIdentifier))) return CannotResolve(c, "--ca-certificate-identifier", "CACertificateIdentifier");
        if (c.CaIdentifier is not { } ca)
            return Outcome.Unknown($"{Name(c, "--ca-certificate-identifier", "CACertificateIdentifier")} is not given: the account/Region default CA applies; set rds-ca-rsa2048-g1 or check CACertificateIdentifier after creation");
        return CurrentCas.Contains(ca)
            ? Outcome.Pass($"CA {ca}")
            : Outcome.Fail($"CA {ca} is not a current G1 CA (rds-ca-2019 expired in 2024)");
    }
}
