using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cruddur.Data.Settings;

/// <summary>
/// The RDS certificate authorities' bundle, cached at <c>$XDG_CACHE_HOME/cruddur/rds-global-bundle.pem</c>
/// (default <c>~/.cache/cruddur/</c>) and used as the root certificate when none is configured.
/// </summary>
public static class RdsCaBundle
{
    public static readonly Uri Source = new("https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem");
    const string FileName = "rds-global-bundle.pem";

    public static string PathFor(Func<string, string?> variables)
    {
        var cache = variables("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(variables("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "cruddur", FileName);
    }

    /// <summary>The cached bundle's path when it was fetched, else null (Npgsql then uses the system's trust store).</summary>
    public static string? CachedPath(Func<string, string?> variables) => PathFor(variables) is var path && File.Exists(path) ? path : null;

    /// <summary>Downloads the bundle, checks that it holds certificates, and writes it atomically; returns how many.</summary>
    public static async Task<int> FetchAsync(HttpClient http, string path, CancellationToken ct)
    {
        string pem;
        try
        {
            pem = await http.GetStringAsync(Source, ct);
        }
        catch (HttpRequestException e)
        {
            throw new CruddurException($"cannot download {Source} ({e.StatusCode?.ToString() ?? e.HttpRequestError.ToString()})", e);
        }
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new CruddurException($"{Source} did not return PEM certificates", e);
        }
        if (certificates.Count == 0) throw new CruddurException($"{Source} returned no certificates");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        await File.WriteAllTextAsync(partial, pem, ct);
        File.Move(partial, path, overwrite: true);
        return certificates.Count;
    }
}
