using Cruddur.Data;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Data.Tests.Settings;

public class ConnectionUrlTests
{
    [Fact]
    public void The_documents_url_form_is_understood()
    {
        var settings = ConnectionUrl.Parse("postgresql://postgres:password@localhost:5432/cruddur", "CONNECTION_URL");

        Assert.Equal(("localhost", 5432, "postgres", "password", "cruddur"),
            (settings.Host, settings.Port, settings.Username, settings.Password, settings.Database));
    }

    [Fact]
    public void Percent_encoded_characters_are_decoded()
    {
        var settings = ConnectionUrl.Parse("postgresql://app%40corp:p%3Ass%2Fw%40rd@db.example.com/cru%20ddur", "CONNECTION_URL");

        Assert.Equal(("app@corp", "p:ss/w@rd", "cru ddur", 5432), (settings.Username, settings.Password, settings.Database, settings.Port));
    }

    [Fact]
    public void Query_options_map_to_npgsql_settings()
    {
        var settings = ConnectionUrl.Parse(
            "postgres://u:p@h:6543/d?sslmode=verify-full&sslrootcert=/etc/rds/global-bundle.pem&connect_timeout=3&application_name=cruddur",
            "PROD_CONNECTION_URL");

        Assert.Equal((SslMode.VerifyFull, "/etc/rds/global-bundle.pem", 3, "cruddur", 6543),
            (settings.SslMode, settings.RootCertificate, settings.Timeout, settings.ApplicationName, settings.Port));
    }

    [Fact]
    public void Npgsql_keyword_strings_are_accepted()
    {
        var settings = ConnectionUrl.Parse("Host=127.0.0.1;Port=5433;Username=app;Password=s3cret;Database=cruddur", "CONNECTION_URL");

        Assert.Equal(("127.0.0.1", 5433, "app", "cruddur"), (settings.Host, settings.Port, settings.Username, settings.Database));
    }

    [Theory]
    [InlineData("mysql://root:Sup3rSecret@h/db", "scheme 'mysql'")]
    [InlineData("postgresql://root:Sup3rSecret@h/db?sslmode=sometimes", "sslmode 'sometimes'")]
    [InlineData("postgresql://root:Sup3rSecret@h/db?password_hint=x", "unknown option 'password_hint'")]
    [InlineData("postgresql://root:Sup3rSecret@h/db?connect_timeout=soon", "connect_timeout 'soon'")]
    [InlineData("Host=h;Password=Sup3rSecret;Flavour=vanilla", "not a valid connection string")]
    [InlineData("Host=h;Password=Sup3rSecret;Port=notaport", "not a valid connection string")]
    [InlineData("   ", "is empty")]
    public void A_malformed_value_says_what_is_wrong_without_the_password(string value, string expected)
    {
        var error = Assert.Throws<CruddurException>(() => ConnectionUrl.Parse(value, "CONNECTION_URL"));

        Assert.Contains(expected, error.Message);
        Assert.Contains("CONNECTION_URL", error.Message);
        Assert.DoesNotContain("Sup3rSecret", error.Message);
    }

    [Fact]
    public void Redacted_urls_hide_the_password()
    {
        var settings = ConnectionUrl.Parse("postgresql://root:huEE33z2Qvl383@db.example.com:5432/cruddur", "PROD_CONNECTION_URL");

        Assert.Equal("postgresql://root:***@db.example.com:5432/cruddur", Redact.Url(settings));
    }

    [Fact]
    public async Task Prod_without_its_variable_names_the_variable()
    {
        var error = await Assert.ThrowsAsync<CruddurException>(() => Resolve(Target.Prod, _ => null));

        Assert.Contains("PROD_CONNECTION_URL is not set", error.Message);
    }

    [Fact]
    public async Task Local_without_its_variable_falls_back_to_the_embedded_cluster()
    {
        Assert.Null(await Resolve(Target.Local, _ => null));
    }

    [Fact]
    public async Task A_url_without_a_database_targets_cruddur_with_a_short_connect_timeout()
    {
        var settings = (await Resolve(Target.Local, name => name == "CONNECTION_URL" ? "postgresql://u:p@h" : null))!.Settings;

        Assert.Equal(("cruddur", 5), (settings.Database, settings.Timeout));
    }

    static Task<Database?> Resolve(Target target, Func<string, string?> variables) =>
        ConnectionSettings.ResolveAsync(target, ConnectionProfile.Cli, variables, secrets: null, CancellationToken.None);
}
