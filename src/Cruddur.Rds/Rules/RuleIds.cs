namespace Cruddur.Rds.Rules;

/// <summary>The ids of <see cref="RuleTable.All"/>, written once: the table, the checks and the plan's relaxations use these.</summary>
public static class RuleIds
{
    public const string Public = "RDS-PUBLIC";
    public const string PlaintextPassword = "RDS-PLAINTEXT-PASSWORD";
    public const string SgOpen = "RDS-SG-OPEN";
    public const string ReplicaPublic = "RDS-REPLICA-PUBLIC";
    public const string ReplicaEncrypt = "RDS-REPLICA-ENCRYPT";
    public const string ProxyTls = "RDS-PROXY-TLS";
    public const string ProxyIam = "RDS-PROXY-IAM";
    public const string EncryptRest = "RDS-ENCRYPT-REST";
    public const string ManagedSecret = "RDS-MANAGED-SECRET";
    public const string TlsForce = "RDS-TLS-FORCE";
    public const string DeletionProtect = "RDS-DELETION-PROTECT";
    public const string IamAuth = "RDS-IAM-AUTH";
    public const string Ca = "RDS-CA";
    public const string Backup = "RDS-BACKUP";
    public const string LogExports = "RDS-LOG-EXPORTS";
    public const string MinorUpgrade = "RDS-MINOR-UPGRADE";
    public const string MultiAz = "RDS-MULTI-AZ";
    public const string DefaultPort = "RDS-DEFAULT-PORT";
    public const string AdminName = "RDS-ADMIN-NAME";
    public const string EnhMonitoring = "RDS-ENH-MONITORING";
    public const string PiCmk = "RDS-PI-CMK";
    public const string CopyTags = "RDS-COPY-TAGS";
    public const string Region = "RDS-REGION";
    public const string Idle = "RDS-IDLE";
}
