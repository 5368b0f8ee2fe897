namespace Cruddur.Rds.Rules;

/// <summary>
/// The rule table of shared/rds-rules.md as data: id, severity, what is wrong, the fix as CLI flags and as
/// template properties, and the source controls. <see cref="Lint.Checks"/> holds how each is evaluated.
/// </summary>
public static class RuleTable
{
    public static readonly IReadOnlyList<Rule> All =
    [
        new("RDS-PUBLIC", Severity.Critical, "the instance is reachable from the internet",
            "--no-publicly-accessible with a private --db-subnet-group-name", "RDS.2", "RDSInstancePublicAccess (HIPAA/NIST/PCI)", "CKV_AWS_17", "3",
            "PubliclyAccessible: false with a private DBSubnetGroupName"),
        new("RDS-PLAINTEXT-PASSWORD", Severity.Critical, "the master password is written down in plain text; treat it as exposed and rotate it",
            "drop --master-user-password and use --manage-master-user-password", "", "", "CKV_SECRET_6/CKV_SECRET_80", "9",
            "remove MasterUserPassword and set ManageMasterUserPassword: true"),
        new("RDS-SG-OPEN", Severity.Critical, "a security group lets 0.0.0.0/0 or ::/0 reach the database port",
            "allow only the developer's /32 (cruddur rds update-sg-rule) or the app's security group", "EC2.19, EC2.18", "AwsSolutions-EC23", "", "7",
            "SecurityGroupIngress from the app's SourceSecurityGroupId or a developer /32, never 0.0.0.0/0 or ::/0"),
        new("RDS-ENCRYPT-REST", Severity.High, "storage is not encrypted at rest",
            "--storage-encrypted (optionally --kms-key-id with a customer managed key)", "RDS.3", "AwsSolutions-RDS2", "CKV_AWS_16", "2, 10",
            "StorageEncrypted: true (optionally KmsKeyId)"),
        new("RDS-MANAGED-SECRET", Severity.High, "the master password is not managed by RDS in Secrets Manager",
            "--manage-master-user-password (RDS generates, stores and rotates it)", "SecretsManager.1 (the secret)", "", "", "9",
            "ManageMasterUserPassword: true (optionally MasterUserSecret.KmsKeyId)"),
        new("RDS-TLS-FORCE", Severity.High, "TLS is not enforced (rds.force_ssl is not 1)",
            "a DB parameter group with rds.force_ssl=1 (the default only from PostgreSQL 15 on)", "", "", "CKV2_AWS_69", "10",
            "an AWS::RDS::DBParameterGroup with Parameters rds.force_ssl: '1' as DBParameterGroupName"),
        new("RDS-DELETION-PROTECT", Severity.Medium, "deletion protection is off",
            "--deletion-protection", "RDS.8", "AwsSolutions-RDS10", "CKV_AWS_293", "4",
            "DeletionProtection: true (and DeletionPolicy: Snapshot)"),
        new("RDS-IAM-AUTH", Severity.Medium, "neither IAM database authentication nor Kerberos is enabled",
            "--enable-iam-database-authentication, then GRANT rds_iam to the app's user", "RDS.10", "", "CKV_AWS_161", "12",
            "EnableIAMDatabaseAuthentication: true"),
        new("RDS-CA", Severity.Medium, "the server certificate authority is not one of the current G1 CAs",
            "--ca-certificate-identifier rds-ca-rsa2048-g1 (or rds-ca-rsa4096-g1, rds-ca-ecc384-g1)", "", "", "CKV_AWS_211", "10",
            "CACertificateIdentifier: rds-ca-rsa2048-g1"),
        new("RDS-BACKUP", Severity.Medium, "automated backups are kept less than 7 days",
            "--backup-retention-period 7 (or more, up to 35)", "RDS.11", "AwsSolutions-RDS13", "CKV_AWS_133", "4/8",
            "BackupRetentionPeriod: 7 (or more, up to 35)"),
        new("RDS-LOG-EXPORTS", Severity.Medium, "the postgresql and upgrade logs are not exported to CloudWatch",
            "--enable-cloudwatch-logs-exports postgresql upgrade", "RDS.9, RDS.36", "RDSLoggingEnabled (HIPAA/NIST/PCI)", "CKV_AWS_129", "",
            "EnableCloudwatchLogsExports: [postgresql, upgrade]"),
        new("RDS-MINOR-UPGRADE", Severity.Medium, "automatic minor version upgrades are off",
            "--auto-minor-version-upgrade", "RDS.13", "RDSAutomaticMinorVersionUpgradeEnabled (HIPAA/PCI)", "CKV_AWS_226", "",
            "AutoMinorVersionUpgrade: true"),
        new("RDS-MULTI-AZ", Severity.Low, "the instance runs in a single Availability Zone",
            "--multi-az (or accept it for a dev database)", "RDS.5", "AwsSolutions-RDS3", "CKV_AWS_157", "",
            "MultiAZ: true (or accept it for a dev database)"),
        new("RDS-DEFAULT-PORT", Severity.Low, "the database listens on the engine's default port 5432",
            "--port with another value (or accept it: it only slows down scanners)", "RDS.23", "AwsSolutions-RDS11", "", "",
            "Port with another value (or accept it in Metadata.cruddur.accept)"),
        new("RDS-ADMIN-NAME", Severity.Low, "the master user name is a well-known default",
            "--master-username with a name that is not postgres, admin or root", "RDS.25", "", "", "11",
            "MasterUsername that is not postgres, admin or root"),
        new("RDS-ENH-MONITORING", Severity.Low, "enhanced monitoring is off",
            "--monitoring-interval 60 --monitoring-role-arn <role with AmazonRDSEnhancedMonitoringRole>", "RDS.6", "RDSEnhancedMonitoringEnabled (HIPAA/NIST)", "CKV_AWS_118", "",
            "MonitoringInterval: 60 with a MonitoringRoleArn"),
        new("RDS-PI-CMK", Severity.Low, "Performance Insights data is encrypted with the default key, not a customer managed key",
            "--performance-insights-kms-key-id <key arn>", "", "", "CKV_AWS_354", "2",
            "PerformanceInsightsKMSKeyId"),
        new("RDS-COPY-TAGS", Severity.Low, "tags are not copied to snapshots",
            "--copy-tags-to-snapshot", "RDS.17", "", "CKV2_AWS_60", "",
            "CopyTagsToSnapshot: true"),
        new("RDS-REGION", Severity.Info, "the instance is not in your default region",
            "create it with --region set to your default region (AWS_REGION)", "", "", "", "1",
            "deploy the stack in your default region"),
        new("RDS-IDLE", Severity.Info, "the instance is stopped; AWS starts it again after 7 days",
            "delete it when not in use: delete-db-instance --final-db-snapshot-identifier <name>", "", "", "", "8",
            "delete the stack or instance when not in use (DeletionPolicy: Snapshot keeps a final snapshot)"),
    ];

    public static Rule Get(string id) =>
        All.FirstOrDefault(r => r.Id == id) ?? throw new ArgumentException($"no rule {id}", nameof(id));
}
