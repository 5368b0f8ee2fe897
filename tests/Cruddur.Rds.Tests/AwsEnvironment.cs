namespace Cruddur.Rds.Tests;

/// <summary>Dummy credentials and no machine config: the SDK and the AWS CLI can only talk to the loopback endpoint.</summary>
public static class AwsEnvironment
{
    public static Dictionary<string, string?> Dummy(params (string Key, string? Value)[] extra)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
            ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_DEFAULT_REGION"] = "eu-west-1",
            ["AWS_PROFILE"] = null,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_CONFIG_FILE"] = "/nonexistent/aws-config",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials",
            ["AWS_PAGER"] = "",
            ["DB_SG_ID"] = null,
            ["DB_SG_RULE_ID"] = null,
        };
        foreach (var (key, value) in extra) environment[key] = value;
        return environment;
    }
}
