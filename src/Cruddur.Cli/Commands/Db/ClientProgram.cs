using System.Diagnostics;
using Cruddur.Data;
using Cruddur.Chores.Admin;
using Cruddur.Chores.Local;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Cli.Commands.Db;

/// <summary>
/// Runs the PostgreSQL client programs (psql, pg_dump, pg_restore) on a database, the version matching
/// the server. The password goes through a password file readable by us only and removed afterwards,
/// never through argv (where any user could read it in /proc) or the environment.
/// </summary>
public static class ClientProgram
{
    static readonly string[] InheritedSecrets =
        [ConnectionSettings.LocalVariable, ConnectionSettings.ProdVariable, "PGPASSWORD", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    /// <summary>
    /// Runs <paramref name="program"/> and returns its exit code. With <paramref name="errorLine"/> its stderr
    /// lines go there; without, it shares our terminal (an interactive psql).
    /// </summary>
    public static async Task<int> RunAsync(
        CliContext cli, string program, Database database, IEnumerable<string> arguments, Action<string>? errorLine, CancellationToken ct)
    {
        var path = cli.Binaries.Client(program, ServerMajor(await DatabaseAdmin.ServerVersionAsync(database, ct)));
        var passwordFile = Path.Combine(Path.GetTempPath(), $"cruddur-pgpass-{Guid.NewGuid():N}");
        try
        {
            var start = new ProcessStartInfo(path, arguments) { UseShellExecute = false, RedirectStandardError = errorLine is not null };
            // The child gets the CLI's variables without the URLs (they may hold the password) and any
            // PGPASSWORD, which libpq would prefer over our password file.
            start.Environment.Clear();
            foreach (var (key, value) in cli.Variables.Where(v => !InheritedSecrets.Contains(v.Key))) start.Environment[key] = value;
            foreach (var (key, value) in Environment(database.Settings, passwordFile)) start.Environment[key] = value;
            await WritePasswordFileAsync(passwordFile, database.Settings, ct);
            using var process = Process.Start(start) ?? throw new CruddurException($"cannot start {program}");
            if (errorLine is not null)
            {
                process.ErrorDataReceived += (_, e) => { if (e.Data is not null) errorLine(e.Data); };
                process.BeginErrorReadLine();
            }
            await WaitAsync(process, ct);
            return process.ExitCode;
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    static async Task WaitAsync(Process process, CancellationToken ct)
    {
        try
        {
            await process.WaitForExitAsync(ct); // also waits until the redirected stderr is read to its end
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    // "15.10 (Debian 15.10-0+deb12u1)" → 15
    static int ServerMajor(string version) =>
        int.TryParse(version.Split('.', ' ')[0], out var major) ? major : 0;

    static IEnumerable<(string, string)> Environment(NpgsqlConnectionStringBuilder settings, string passwordFile)
    {
        yield return ("PGHOST", settings.Host ?? "127.0.0.1");
        yield return ("PGPORT", settings.Port.ToString());
        yield return ("PGDATABASE", settings.Database ?? ConnectionSettings.DefaultDatabase);
        yield return ("PGCONNECT_TIMEOUT", settings.Timeout.ToString());
        yield return ("PGPASSFILE", passwordFile);
        if (settings.Username is { Length: > 0 } user) yield return ("PGUSER", user);
        yield return ("PGSSLMODE", Transport.Name(settings.SslMode));
        if (settings.RootCertificate is { Length: > 0 } root) yield return ("PGSSLROOTCERT", root);
    }

    static async Task WritePasswordFileAsync(string path, NpgsqlConnectionStringBuilder settings, CancellationToken ct)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        await using var writer = new StreamWriter(new FileStream(path, options));
        await writer.WriteLineAsync($"*:*:*:*:{Escape(settings.Password ?? "")}".AsMemory(), ct);
    }

    // In a .pgpass line, ':' and '\' are escaped with a backslash.
    static string Escape(string value) => value.Replace("\\", "\\\\").Replace(":", "\\:");
}
