namespace Cruddur.Rds.Tests.Instances;

/// <summary>RDS query-protocol answers, shaped like the service's own (namespace 2014-10-31).</summary>
public static class RdsXml
{
    const string Namespace = "http://rds.amazonaws.com/doc/2014-10-31/";

    public static string Instance(string status, DateTimeOffset? restart = null) =>
        "<DBInstance><DBInstanceIdentifier>cruddur-db-instance</DBInstanceIdentifier><DBInstanceClass>db.t3.micro</DBInstanceClass>" +
        $"<Engine>postgres</Engine><EngineVersion>17.9</EngineVersion><DBInstanceStatus>{status}</DBInstanceStatus>" +
        "<Endpoint><Address>cruddur-db-instance.abc123.eu-west-1.rds.amazonaws.com</Address><Port>5432</Port></Endpoint>" +
        (restart is { } at ? $"<AutomaticRestartTime>{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss}Z</AutomaticRestartTime>" : "") +
        "</DBInstance>";

    public static string Describe(string instance) =>
        $"<DescribeDBInstancesResponse xmlns=\"{Namespace}\"><DescribeDBInstancesResult><DBInstances>{instance}</DBInstances></DescribeDBInstancesResult>" +
        "<ResponseMetadata><RequestId>7b9c1e52-EXAMPLE</RequestId></ResponseMetadata></DescribeDBInstancesResponse>";

    public static string Action(string action, string instance) =>
        $"<{action}Response xmlns=\"{Namespace}\"><{action}Result>{instance}</{action}Result>" +
        $"<ResponseMetadata><RequestId>7b9c1e52-EXAMPLE</RequestId></ResponseMetadata></{action}Response>";

    public static string Error(string code, string message) =>
        $"<ErrorResponse xmlns=\"{Namespace}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>" +
        "<RequestId>7b9c1e52-EXAMPLE</RequestId></ErrorResponse>";
}
