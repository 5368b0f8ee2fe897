using Cruddur.Data;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Data.Tests.Settings;

public class MultiHostUrlTests
{
    [Fact]
    public void Libpqs_multi_host_url_becomes_npgsqls_host_list()
    {
        var settings = ConnectionUrl.Parse(
            "postgresql://app:p%40ss@h1:5432,h2:5433,[::1]:5434/cruddur?target_session_attrs=primary&load_balance_hosts=random",
            "CONNECTION_URL");

        Assert.Equal("h1:5432,h2:5433,[::1]:5434", settings.Host);
        Assert.Equal(("app", "p@ss", "cruddur", "primary", true),
            (settings.Username, settings.Password, settings.Database, settings.TargetSessionAttributes, settings.LoadBalanceHosts));
        Assert.Equal(["h1:5432", "h2:5433", "[::1]:5434"], HostList.Of(settings).Select(h => h.ToString()));
    }

    [Fact]
    public void A_host_without_a_port_gets_libpqs_default()
    {
        var settings = ConnectionUrl.Parse("postgresql://u@writer.example.com,reader.example.com:6432/cruddur", "CONNECTION_URL");

        Assert.Equal("writer.example.com:5432,reader.example.com:6432", settings.Host);
    }

    [Fact]
    public void Npgsqls_multi_host_form_is_read_the_same_way()
    {
        var settings = ConnectionUrl.Parse("Host=h1:5432,h2:5433;Username=u;Target Session Attributes=prefer-standby;Load Balance Hosts=true", "CONNECTION_URL");

        Assert.Equal(["h1:5432", "h2:5433"], HostList.Of(settings).Select(h => h.ToString()));
        Assert.Equal(("prefer-standby", true), (settings.TargetSessionAttributes, settings.LoadBalanceHosts));
    }

    [Fact]
    public void Urls_are_shown_with_every_host_and_no_password()
    {
        var settings = ConnectionUrl.Parse("postgresql://u:Sup3rSecret@h1:5432,h2:5433/cruddur", "CONNECTION_URL");

        Assert.Equal("postgresql://u:***@h1:5432,h2:5433/cruddur", Redact.Url(settings));
        Assert.Equal("h1:5432,h2:5433", new Database(settings, "CONNECTION_URL").Endpoint);
    }

    [Theory]
    [InlineData("postgresql://u:Sup3rSecret@h1,,h2/db", "empty host")]
    [InlineData("postgresql://u:Sup3rSecret@h1:5432,h2:port/db", "not host or host:port")]
    [InlineData("postgresql://u:Sup3rSecret@h1:5432,h2:70000/db", "not host or host:port")]
    [InlineData("postgresql://u:Sup3rSecret@h1,h2/db?load_balance_hosts=sometimes", "load_balance_hosts 'sometimes'")]
    public void A_malformed_host_list_says_what_is_wrong_without_the_password(string value, string expected)
    {
        var error = Assert.Throws<CruddurException>(() => ConnectionUrl.Parse(value, "CONNECTION_URL"));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("Sup3rSecret", error.Message);
    }

    [Fact]
    public void Plaintext_is_refused_when_any_host_is_remote()
    {
        var settings = ConnectionUrl.Parse("postgresql://u:p@127.0.0.1:5432,db.example.com:5432/cruddur?sslmode=disable", "CONNECTION_URL");

        Assert.Throws<CruddurException>(() => Transport.RefusePlaintext(settings, ConnectionOptions.Default, "CONNECTION_URL"));
        Assert.True(Transport.IsLoopback(ConnectionUrl.Parse("postgresql://u@127.0.0.1:1,localhost:2/d", "X").Host));
    }
}
