using System.CommandLine;
using System.IO.Compression;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.PostConfirmation;

namespace Cruddur.Cli.Commands.Lambda;

/// <summary>
/// <c>dotnet publish</c> of the function, plus the RDS CA bundle when there is one, zipped for
/// <c>aws lambda create-function --zip-file</c>.
/// </summary>
public static class PackageCommand
{
    const string ProjectPath = "src/Cruddur.PostConfirmation/Cruddur.PostConfirmation.csproj";
    const string BundleInZip = "certs/global-bundle.pem";

    public static Command Build(CliContext cli)
    {
        var output = new Option<FileInfo>("--output") { Description = "The zip to write (default: artifacts/cruddur-post-confirmation.zip)" };
        var caBundle = new Option<FileInfo>("--ca-bundle")
        {
            Description = $"The RDS CA bundle to ship as {BundleInZip} (default: src/Cruddur.PostConfirmation/{BundleInZip} when present)",
        };
        var command = new Command("package", "Build the deployable zip for Lambda's dotnet10 runtime") { output, caBundle };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            var root = ProjectRoot(cli);
            var zip = result.GetValue(output)?.FullName ?? Path.Combine(root, "artifacts", $"{LambdaCommands.FunctionName}.zip");
            await RunAsync(cli, root, zip, result.GetValue(caBundle)?.FullName, ct);
        });
        return command;
    }

    static async Task RunAsync(CliContext cli, string root, string zip, string? caBundle, CancellationToken ct)
    {
        cli.Terminal.CountSteps(3);
        var published = Directory.CreateTempSubdirectory("cruddur-lambda-");
        try
        {
            cli.Terminal.Banner("lambda package: publish");
            var took = await Progress.RunAsync(cli.Terminal, "dotnet publish -c Release (the first time takes a while)", async _ =>
                await Publisher.PublishAsync(Path.Combine(root, ProjectPath), published.FullName, ct));
            cli.Terminal.Line($"Published: {Path.GetFileName(ProjectPath)} (Release) in {took.TotalSeconds:0} s");
            cli.Terminal.Banner("lambda package: CA bundle");
            var bundle = caBundle ?? DefaultBundle(root);
            if (bundle is not null) CopyBundle(cli, bundle, Path.Combine(published.FullName, BundleInZip));
            cli.Terminal.Banner("lambda package: zip");
            Directory.CreateDirectory(Path.GetDirectoryName(zip)!);
            File.Delete(zip);
            ZipFile.CreateFromDirectory(published.FullName, zip);
            cli.Terminal.Line($"Packaged: {Path.GetRelativePath(Environment.CurrentDirectory, zip)} ({new FileInfo(zip).Length / 1024} KB)");
            cli.Terminal.Line($"Handler: {Function.Handler}   Runtime: dotnet10");
            if (bundle is null)
                cli.Terminal.Warn($"No RDS CA bundle: sslmode=verify-full needs {BundleInZip} (see README: Post-confirmation Lambda)");
        }
        finally
        {
            published.Delete(recursive: true);
        }
    }

    static string? DefaultBundle(string root)
    {
        var path = Path.Combine(root, "src", "Cruddur.PostConfirmation", BundleInZip);
        return File.Exists(path) ? path : null;
    }

    static void CopyBundle(CliContext cli, string bundle, string destination)
    {
        if (!File.Exists(bundle)) throw new CruddurException($"CA bundle {bundle} not found");
        if (!File.ReadAllText(bundle).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            throw new CruddurException($"CA bundle {bundle} holds no PEM certificate (expected global-bundle.pem from truststore.pki.rds.amazonaws.com)");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(bundle, destination);
        cli.Terminal.Line($"CA bundle: {BundleInZip}");
    }

    // CRUDDUR_ROOT (the ./cruddur script's folder) or the current folder, as for the migrations.
    static string ProjectRoot(CliContext cli)
    {
        var root = RepositoryRoot.Of(cli.Variable);
        return File.Exists(Path.Combine(root, ProjectPath))
            ? root
            : throw new CruddurException($"no {ProjectPath} in {root} (run it from the repository, or through ./cruddur)");
    }
}
