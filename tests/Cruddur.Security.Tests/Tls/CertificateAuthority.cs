using System.Diagnostics;

namespace Cruddur.Security.Tests.Tls;

/// <summary>A throwaway CA and server certificate made with the real openssl, in a folder of its own.</summary>
public sealed class CertificateAuthority
{
    public required string Directory { get; init; }
    public string CaCertificate => Path.Combine(Directory, "ca.crt");
    public string OtherCaCertificate => Path.Combine(Directory, "other-ca.crt");
    public string ServerCertificate => Path.Combine(Directory, "server.crt");
    public string ServerKey => Path.Combine(Directory, "server.key");

    /// <summary>A CA, an unrelated second CA, and a server certificate whose only name is <paramref name="serverAddress"/>.</summary>
    public static async Task<CertificateAuthority> CreateAsync(string directory, string serverAddress)
    {
        System.IO.Directory.CreateDirectory(directory);
        var ca = new CertificateAuthority { Directory = directory };
        await File.WriteAllTextAsync(Path.Combine(directory, "server.ext"), $"subjectAltName=IP:{serverAddress}\nbasicConstraints=CA:FALSE\n");
        await OpensslAsync(directory, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Cruddur Test CA");
        await OpensslAsync(directory, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", "other-ca.key", "-out", "other-ca.crt", "-days", "2", "-subj", "/CN=Some Other CA");
        await OpensslAsync(directory, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", "server.key", "-out", "server.csr", "-subj", $"/CN={serverAddress}");
        await OpensslAsync(directory, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.crt", "-days", "2", "-extfile", "server.ext");
        return ca;
    }

    static async Task OpensslAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl", arguments)
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"openssl {arguments[0]} failed: {await stderr}");
    }
}
