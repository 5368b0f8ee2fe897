using System.CommandLine;
using System.Diagnostics;
using Cruddur.Data;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Cli.Commands.Db;

/// <summary>
/// Opens psql on the database. The password goes to psql through a password file readable by us
/// only and removed afterwards, never through argv (where any user could read it in /proc).
/// </summary>
public static class ConnectCommand
{
    public static Command Build()
    {
        var command = new Command("connect", "Open an interactive psql session (the document's db-connect)") { CommonOptions.Prod };
        CommandAction.Set(command, async (result, ct) => await RunAsync(await Targets.ResolveAsync(result, ct), ct));
        return command;
    }

    static readonly string[] InheritedSecrets =
        [ConnectionSettings.LocalVariable, ConnectionSettings.ProdVariable, "PGPASSWORD", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    static async Task<int> RunAsync(Database database, CancellationToken ct)
    {
        var passwordFile = Path.Combine(Path.GetTempPath(), $"cruddur-pgpass-{Guid.NewGuid():N}");
        try
        {
            var start = new ProcessStartInfo("psql") { UseShellExecute = false };
            // psql inherits our environment: drop the URLs (they may hold the password) and any PGPASSWORD,
            // which libpq would prefer over our password file.
            foreach (var inherited in InheritedSecrets) start.Environment.Remove(inherited);
            foreach (var (key, value) in Environment(database.Settings, passwordFile)) start.Environment[key] = value;
            await WritePasswordFileAsync(passwordFile, database.Settings, ct);
            using var psql = Process.Start(start) ?? throw new CruddurException("cannot start psql");
            await psql.WaitForExitAsync(ct);
            return psql.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new CruddurException("psql not found (install it: apt-get install postgresql-client)");
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

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
