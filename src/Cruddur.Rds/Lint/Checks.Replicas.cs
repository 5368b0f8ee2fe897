namespace Cruddur.Rds.Lint;

/// <summary>Read replicas (they do not follow their source's public access) and the RDS Proxy in front of them.</summary>
public static partial class Checks
{
    static Outcome ReplicaPublic(RdsConfiguration c, LintContext _)
    {
        if (c.IsUnresolved(nameof(c.PubliclyAccessible))) return CannotResolve(c, "--publicly-accessible", "PubliclyAccessible");
        return c.PubliclyAccessible switch
        {
            true => Outcome.Fail($"{Name(c, "--publicly-accessible", "PubliclyAccessible")} is set on the replica of {c.SourceInstance}"),
            false => Outcome.Pass("private"),
            null when c.Kind == InputKind.Describe => Outcome.Unknown("PubliclyAccessible is missing from the output"),
            null => Outcome.Fail($"{Name(c, "--publicly-accessible", "PubliclyAccessible")} is not given: a replica does not follow its source, and the API default can make it public"),
        };
    }

    /// <summary>A replica is encrypted exactly when its source is (with the source's key, or its own KmsKeyId across Regions).</summary>
    static Outcome ReplicaEncrypted(RdsConfiguration c, LintContext _)
    {
        if (c.StorageEncrypted == false) return Outcome.Fail($"{Name(c, "--no-storage-encrypted", "StorageEncrypted: false")} is given");
        return c.SourceEncrypted switch
        {
            true => Outcome.Pass($"encrypted like its source {c.SourceInstance}"),
            false => Outcome.Fail($"its source {c.SourceInstance} is not encrypted, so neither is the replica"),
            null when c.StorageEncrypted == true => Outcome.Pass("encrypted"),
            null when c.HasKmsKey => Outcome.Pass("encrypted with its own KMS key"),
            null => Outcome.Unknown($"the source {c.SourceInstance} is not in the input: the replica is encrypted only if it is"),
        };
    }

    static Outcome ProxyTls(RdsConfiguration c, LintContext _)
    {
        if (c.IsUnresolved(nameof(c.RequireTls))) return CannotResolve(c, "--require-tls", "RequireTLS");
        return c.RequireTls == true
            ? Outcome.Pass("TLS required")
            : Outcome.Fail($"{Name(c, "--require-tls", "RequireTLS")} is {(c.RequireTls is null ? "not given (default off)" : "off")}: clients may reach the proxy in plain text");
    }

    static Outcome ProxyIam(RdsConfiguration c, LintContext _)
    {
        if (c.IsUnresolved(nameof(c.ProxyIamAuth))) return CannotResolve(c, "--auth", "Auth");
        if (c.ProxyIamAuth is not { Count: > 0 } modes) return Outcome.Fail($"{Name(c, "--auth", "Auth")} is not given");
        var optional = modes.Count(m => !m.Equals("REQUIRED", StringComparison.OrdinalIgnoreCase));
        return optional == 0
            ? Outcome.Pass("IAM authentication required for every secret")
            : Outcome.Fail($"{optional} of {modes.Count} Auth entr{(modes.Count == 1 ? "y" : "ies")} {(optional == 1 ? "does" : "do")} not set IAMAuth: REQUIRED, so a password is enough");
    }
}
