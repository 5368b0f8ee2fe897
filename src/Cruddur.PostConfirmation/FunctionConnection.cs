using Cruddur.Data;
using Cruddur.Data.Settings;

namespace Cruddur.PostConfirmation;

/// <summary>
/// How the function reaches PostgreSQL: <c>CONNECTION_URL</c> (as in the document) through the one
/// resolver, with the Lambda's profile (timeouts well under the function's 10 s, no secret read) and a
/// relative <c>sslrootcert</c> (the RDS CA bundle shipped in the zip) found next to the function's
/// assembly, which is /var/task on Lambda.
/// </summary>
public static class FunctionConnection
{
    public static readonly ConnectionProfile Profile = ConnectionProfile.Lambda with { CertificateFolder = FunctionDirectory };

    public static async Task<Database> ResolveAsync(Func<string, string?> variables, CancellationToken ct) =>
        await ConnectionSettings.ResolveAsync(Target.Local, Profile, variables, secrets: null, ct)
        ?? throw new CruddurException($"{ConnectionSettings.LocalVariable} is not set (set it on the function, e.g. postgresql://user@host:5432/cruddur?sslmode=verify-full&sslrootcert=certs/global-bundle.pem)");

    /// <summary>A database the CLI resolved (lambda invoke/serve, the local sign-up), with the function's profile applied.</summary>
    public static Database ForFunction(Database database) => database with { Settings = Profile.Apply(database.Settings) };

    static string FunctionDirectory => Path.GetDirectoryName(typeof(FunctionConnection).Assembly.Location) ?? AppContext.BaseDirectory;
}
