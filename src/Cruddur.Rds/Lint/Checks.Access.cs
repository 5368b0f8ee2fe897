namespace Cruddur.Rds.Lint;

/// <summary>Who can reach the instance and how they log in.</summary>
public static partial class Checks
{
    static Outcome Public(RdsConfiguration c, LintContext _)
    {
        if (c.IsUnresolved(nameof(c.PubliclyAccessible))) return CannotResolve(c, "--publicly-accessible", "PubliclyAccessible");
        if (c.PubliclyAccessible is { } value)
            return value ? Outcome.Fail($"{Name(c, "--publicly-accessible", "PubliclyAccessible")} is set") : Outcome.Pass("private");
        if (c.Kind == InputKind.Describe) return Outcome.Unknown("PubliclyAccessible is missing from the output");
        if (c.SubnetGroupName is null or "default")
            return Outcome.Fail($"{Name(c, "--publicly-accessible", "PubliclyAccessible")} is not given and no DB subnet group is named: the API then makes the instance public");
        return Outcome.Unknown($"{Name(c, "--publicly-accessible", "PubliclyAccessible")} is not given: with subnet group {c.SubnetGroupName} the instance is public if its VPC has an internet gateway; say --no-publicly-accessible");
    }

    static Outcome PlaintextPassword(RdsConfiguration c, LintContext _) => c.Password switch
    {
        _ when c.Kind == InputKind.Describe => Outcome.NotApplicable("describe output never shows the password"),
        PasswordSource.Literal when c.Kind == InputKind.Command => Outcome.Fail("--master-user-password is a literal on the command line (shell history, process list, this file)"),
        PasswordSource.Literal => Outcome.Fail("MasterUserPassword is a literal (or a parameter's Default) in the template"),
        PasswordSource.ShellVariable => Outcome.Fail("--master-user-password comes from a shell variable: it still shows in the process list"),
        PasswordSource.VisibleParameter => Outcome.Fail("MasterUserPassword comes from a parameter without NoEcho: the console and describe-stacks show it"),
        PasswordSource.Unresolved => Outcome.Unknown("MasterUserPassword is an expression that cannot be worked out offline"),
        _ => Outcome.Pass("no plaintext password"),
    };

    static Outcome ManagedSecret(RdsConfiguration c, LintContext _)
    {
        if (c.IsUnresolved(nameof(c.ManageMasterUserPassword))) return CannotResolve(c, "--manage-master-user-password", "ManageMasterUserPassword");
        if (c.ManageMasterUserPassword == true) return Outcome.Pass("managed by RDS in Secrets Manager");
        return c.Kind switch
        {
            InputKind.Describe => Outcome.Fail("MasterUserSecret is absent: the password is not managed by RDS"),
            InputKind.Command => Outcome.Fail("--manage-master-user-password is absent"),
            _ when c.Password == PasswordSource.DynamicReference => Outcome.Fail("MasterUserPassword is a {{resolve:secretsmanager}} reference: better than a literal, but RDS does not rotate it; use ManageMasterUserPassword"),
            _ => Outcome.Fail("ManageMasterUserPassword is not true"),
        };
    }

    static Outcome SecurityGroupOpen(RdsConfiguration c, LintContext _)
    {
        var port = c.Port ?? 5432;
        if (c.SecurityGroupsOpen == true) return Outcome.Fail($"a security group of {string.Join(", ", c.SecurityGroupIds ?? [])} allows 0.0.0.0/0 or ::/0 on port {port}");
        if (c.SecurityGroupsOpen == false) return Outcome.Pass("the template's security groups allow no 0.0.0.0/0 or ::/0 on the port");
        if (c.SecurityGroupIds is null or { Count: 0 })
            return Outcome.Unknown($"no security group is given, so the VPC's default group is attached: check it with aws ec2 describe-security-groups (0.0.0.0/0 or ::/0 on {port} fails)");
        return Outcome.Unknown($"check {string.Join(" ", c.SecurityGroupIds)} with aws ec2 describe-security-groups --group-ids (0.0.0.0/0 or ::/0 on {port} fails)");
    }

    static Outcome IamAuthentication(RdsConfiguration c, LintContext _)
    {
        if (c.KerberosDomain is not null) return Outcome.Pass($"Kerberos through domain {c.KerberosDomain}");
        if (c.IsUnresolved(nameof(c.IamAuthentication))) return CannotResolve(c, "--enable-iam-database-authentication", "EnableIAMDatabaseAuthentication");
        if (c.IamAuthentication == true) return Outcome.Pass("IAM database authentication is on");
        var name = Name(c, "--enable-iam-database-authentication", c.Kind == InputKind.Describe ? "IAMDatabaseAuthenticationEnabled" : "EnableIAMDatabaseAuthentication");
        return Outcome.Fail(c.IamAuthentication == false
            ? $"{name} is off and no Kerberos domain is given: passwords only"
            : $"{name} is not given (default off) and no Kerberos domain: passwords only");
    }

    static readonly string[] WellKnownAdmins = ["postgres", "admin"];
    static readonly string[] EasyToGuess = ["root", "administrator", "master", "sa", "superuser"];

    static Outcome AdminName(RdsConfiguration c, LintContext _)
    {
        if (c.IsUnresolved(nameof(c.MasterUsername))) return CannotResolve(c, "--master-username", "MasterUsername");
        if (c.MasterUsername is not { } name) return Outcome.Unknown("the master user name is not given");
        if (WellKnownAdmins.Contains(name, StringComparer.OrdinalIgnoreCase)) return Outcome.Fail($"master user '{name}' is an engine default that scanners try first");
        if (EasyToGuess.Contains(name, StringComparer.OrdinalIgnoreCase))
            return Outcome.Fail($"master user '{name}' is easy to guess (our addition: Security Hub RDS.25 flags only postgres and admin)");
        return Outcome.Pass($"master user '{name}'");
    }
}
