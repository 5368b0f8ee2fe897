using Cruddur.Api.Cors;
using Cruddur.Data;

namespace Cruddur.Api.Tests.Cors;

/// <summary>FRONTEND_URL and BACKEND_URL become the allowed origins.</summary>
public class OriginSettingsTests
{
    [Theory]
    [InlineData(null, null, "http://localhost:3000 http://127.0.0.1:3000")]
    [InlineData("https://cruddur.example.com", null, "https://cruddur.example.com")]
    [InlineData("https://cruddur.example.com/", "https://api.cruddur.example.com", "https://cruddur.example.com https://api.cruddur.example.com")]
    [InlineData("http://localhost:3000, https://3000-gitpod.example/home ,", "", "http://localhost:3000 https://3000-gitpod.example")]
    [InlineData("https://A.example:8443", "https://a.example:8443", "https://a.example:8443")]
    public void The_origins_are_the_frontend_and_backend_urls_or_the_dev_server(string? frontend, string? backend, string expected)
    {
        var origins = FrontendCors.OriginsFromEnvironment(name => name switch { "FRONTEND_URL" => frontend, "BACKEND_URL" => backend, _ => null });

        Assert.Equal(expected.Split(' '), origins);
    }

    [Theory]
    [InlineData("localhost:3000")]
    [InlineData("*")]
    [InlineData("ftp://files.example")]
    [InlineData("https://user:secret@cruddur.example.com")]
    public void A_frontend_url_that_is_not_an_http_url_is_refused_without_echoing_secrets(string frontend)
    {
        var error = Assert.Throws<CruddurException>(() => FrontendCors.OriginsFromEnvironment(name => name == "FRONTEND_URL" ? frontend : null));

        Assert.StartsWith("FRONTEND_URL has", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }
}
