using Cruddur.Data.Settings;

namespace Cruddur.Cli.Output;

/// <summary>
/// The last guard for an unexpected failure, whose text nobody vetted: the passwords this run was
/// given (the URLs' and every *_PASSWORD variable's) are replaced by <c>***</c> before it is shown.
/// </summary>
public static class KnownSecrets
{
    public static string Hide(string text, IReadOnlyDictionary<string, string> variables) =>
        Known(variables).Where(secret => secret.Length >= 4).Aggregate(text, (shown, secret) => shown.Replace(secret, "***", StringComparison.Ordinal));

    static IEnumerable<string> Known(IReadOnlyDictionary<string, string> variables)
    {
        foreach (var (name, value) in variables)
        {
            if (name.EndsWith("PASSWORD", StringComparison.Ordinal) || name.EndsWith("SECRET_ACCESS_KEY", StringComparison.Ordinal)) yield return value;
            if (name is ConnectionSettings.LocalVariable or ConnectionSettings.ProdVariable && PasswordIn(value) is { } password) yield return password;
        }
    }

    static string? PasswordIn(string url)
    {
        try
        {
            return ConnectionUrl.Parse(url, "url").Password;
        }
        catch (Data.CruddurException)
        {
            return null;
        }
    }
}
