using Cruddur.Data.Security;
using Npgsql;

namespace Cruddur.Data.Settings;

/// <summary>
/// Reads <c>CONNECTION_URL</c> or <c>PROD_CONNECTION_URL</c> (and <c>CONNECTION_SECRET</c> or <c>PROD_CONNECTION_SECRET</c>). Local with
/// none set means the embedded cluster, which the caller starts (the CLI: <c>Cruddur.Chores.Local.LocalCluster</c>).
/// </summary>
public static class ConnectionSettings
{
    public const string LocalVariable = "CONNECTION_URL";
    public const string ProdVariable = "PROD_CONNECTION_URL";
    public const string LocalSecretVariable = "CONNECTION_SECRET";
    public const string ProdSecretVariable = "PROD_CONNECTION_SECRET";
    public const string DefaultDatabase = "cruddur";

    public static string VariableFor(Target target) => target == Target.Prod ? ProdVariable : LocalVariable;

    /// <summary>The variable naming a Secrets Manager secret with the credentials (and optionally host, port, dbname).</summary>
    public static string SecretVariableFor(Target target) => target == Target.Prod ? ProdSecretVariable : LocalSecretVariable;

    /// <summary>
    /// The one path from the environment to a connection, for every host (<paramref name="profile"/>):
    /// the URL or secret of the target read, TLS defaults applied, the profile's timeouts, an IAM token in
    /// place of the password where the profile wants one. Null when local falls back to the embedded
    /// cluster. <paramref name="secrets"/> null: a secret is refused (the Lambda reads none).
    /// </summary>
    public static async Task<Database?> ResolveAsync(
        Target target, ConnectionProfile profile, Func<string, string?> variables, SecretSource? secrets, CancellationToken ct)
    {
        var name = VariableFor(target);
        var value = variables(name);
        var secretId = variables(SecretVariableFor(target));
        if (!IsConfigured(target, variables))
            return target == Target.Prod ? throw ProdNotSet() : null;

        var fromSecretOnly = string.IsNullOrWhiteSpace(value);
        var source = fromSecretOnly ? SecretVariableFor(target) : name;
        var spec = fromSecretOnly ? new ConnectionSpec(new NpgsqlConnectionStringBuilder(), ConnectionOptions.Default) : ConnectionUrl.Read(value!, name);
        if (!string.IsNullOrWhiteSpace(secretId)) spec = spec with { Options = spec.Options with { SecretId = secretId.Trim() } };
        if (spec.Options.SecretId is { } id)
            spec = await (secrets ?? throw new CruddurException($"{source} uses a secret, which {profile.Name} does not read (use auth=iam, or set the URL from the secret when deploying)"))(spec, id, ct);
        spec = Transport.Secure(spec, target, variables, source);
        var settings = profile.Apply(spec.Settings);
        if (spec.Options.Authentication == Authentication.Iam)
        {
            if (!string.IsNullOrEmpty(settings.Password))
                throw new CruddurException($"{name} has both a password and auth=iam (remove the password)");
            if (profile.IamTokenAsPassword) settings.Password = await IamAuthToken.GenerateAsync(settings, spec.Options.Region, ct);
        }
        return new Database(settings, source) { Options = spec.Options };
    }

    /// <summary>Whether the target has a URL or a secret; local without either is the embedded cluster.</summary>
    public static bool IsConfigured(Target target, Func<string, string?> variables) =>
        !string.IsNullOrWhiteSpace(variables(VariableFor(target))) || !string.IsNullOrWhiteSpace(variables(SecretVariableFor(target)));

    /// <summary>The same server and credentials on the <c>postgres</c> maintenance database (the document's NO_DB_CONNECTION_URL).</summary>
    public static NpgsqlConnectionStringBuilder Maintenance(NpgsqlConnectionStringBuilder settings) =>
        new(settings.ConnectionString) { Database = "postgres", Pooling = false };

    /// <summary>What --prod says before anything else when there is no production to work on.</summary>
    public static CruddurException ProdNotSet() =>
        new($"{ProdVariable} is not set (export it, e.g. postgresql://user@host:5432/cruddur?sslmode=verify-full, or set {ProdSecretVariable})");
}
