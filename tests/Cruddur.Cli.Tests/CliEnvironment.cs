using Cruddur.Data.Settings;

namespace Cruddur.Cli.Tests;

/// <summary>The environment a test gives the real CLI: the document's URL form for a test database.</summary>
static class CliEnvironment
{
    public static string Url(Database database, string? password = null) =>
        $"postgresql://{database.Settings.Username}:{Uri.EscapeDataString(password ?? database.Settings.Password!)}" +
        $"@{database.Settings.Host}:{database.Settings.Port}/{database.Name}";

    public static Dictionary<string, string?> Local(Database database) => new()
    {
        ["CONNECTION_URL"] = Url(database),
        ["CRUDDUR_HOME"] = Path.Combine(Path.GetTempPath(), $"cruddur-unused-{Guid.NewGuid():N}"),
    };

    // Production defaults to verify-full; the loopback test server has no TLS, so say so explicitly.
    public static Dictionary<string, string?> Prod(Database database) => new()
    {
        ["PROD_CONNECTION_URL"] = Url(database) + "?sslmode=disable",
        ["CRUDDUR_HOME"] = Path.Combine(Path.GetTempPath(), $"cruddur-unused-{Guid.NewGuid():N}"),
    };
}
