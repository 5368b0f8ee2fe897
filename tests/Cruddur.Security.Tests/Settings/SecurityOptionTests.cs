using Cruddur.Data;
using Cruddur.Data.Settings;

namespace Cruddur.Security.Tests.Settings;

public class SecurityOptionTests
{
    [Fact]
    public void Security_options_are_kept_beside_the_driver_settings()
    {
        var spec = ConnectionUrl.Read(
            "postgresql://cruddur_app@db.example.com/cruddur?auth=iam&region=eu-west-1&secret=arn%3Aaws%3Asecretsmanager%3Aeu-west-1%3A1%3Asecret%3Ardsdb&allow_plaintext=false",
            "PROD_CONNECTION_URL");

        Assert.Equal(new ConnectionOptions
        {
            Authentication = Authentication.Iam,
            Region = "eu-west-1",
            SecretId = "arn:aws:secretsmanager:eu-west-1:1:secret:rdsdb",
            AllowPlaintext = false,
        }, spec.Options);
        Assert.DoesNotContain("iam", spec.Settings.ConnectionString);
    }

    [Theory]
    [InlineData("auth=kerberos", "auth 'kerberos' (expected password or iam)")]
    [InlineData("allow_plaintext=yes", "allow_plaintext 'yes' (expected true or false)")]
    public void A_bad_security_option_says_what_is_expected(string query, string expected)
    {
        var error = Assert.Throws<CruddurException>(() => ConnectionUrl.Read($"postgresql://u:Sup3rSecret@h/db?{query}", "CONNECTION_URL"));

        Assert.Equal($"CONNECTION_URL has {expected}", error.Message);
    }
}
