using System.Diagnostics;
using Cruddur.Chores.Local;
using Npgsql;

namespace Cruddur.Api.Tests.Feeds;

/// <summary>A write made the way an operator makes one: the real psql, outside the API.</summary>
static class Psql
{
    public static async Task RunAsync(NpgsqlConnectionStringBuilder settings, string sql)
    {
        var start = new ProcessStartInfo(PostgresBinaries.Installed.Server("psql"),
            ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", settings.Host!, "-p", settings.Port.ToString(), "-U", settings.Username!, "-d", settings.Database!, "-c", sql])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = settings.Password;
        using var psql = Process.Start(start)!;
        var error = psql.StandardError.ReadToEndAsync();
        await psql.StandardOutput.ReadToEndAsync();
        await psql.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.True(psql.ExitCode == 0, $"psql failed: {await error}");
    }
}
