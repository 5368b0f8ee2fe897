using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Cruddur.Testing;

namespace Cruddur.PostConfirmation.Tests.Cli;

public class PackageCommandTests
{
    [Fact]
    public async Task Package_zips_the_handler_assembly_the_handler_string_names_with_the_ca_bundle_and_only_what_it_calls()
    {
        var work = Directory.CreateTempSubdirectory("cruddur-package-test-");
        try
        {
            var zip = Path.Combine(work.FullName, "function.zip");
            var bundle = Path.Combine(work.FullName, "test-ca.pem");
            await File.WriteAllTextAsync(bundle, TestCertificatePem());

            var result = await InProcessCli.RunAsync(new Dictionary<string, string?> { ["CRUDDUR_ROOT"] = RepositoryFolder.Path },
                "lambda", "package", "--output", zip, "--ca-bundle", bundle);

            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Equal(["== lambda package: publish (1/3)", "== lambda package: CA bundle (2/3)", "== lambda package: zip (3/3)"],
                result.Stdout.Split('\n').Where(line => line.StartsWith("== ")).ToArray());
            Assert.Matches(@"\nPublished: Cruddur.PostConfirmation.csproj \(Release\) in \d+ s\n", result.Stdout);
            Assert.DoesNotContain('\e', result.Output);
            var handler = Assert.Single(result.Stdout.Split('\n'), line => line.StartsWith("Handler: ", StringComparison.Ordinal));
            Assert.StartsWith("Handler: Cruddur.PostConfirmation::Cruddur.PostConfirmation.Function::HandleAsync", handler);
            var unpacked = Path.Combine(work.FullName, "unpacked");
            ZipFile.ExtractToDirectory(zip, unpacked);
            Assert.Equal(CalledAssemblies, Directory.GetFiles(unpacked, "*.dll").Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.DoesNotContain(Directory.GetFiles(unpacked, "*.dll"), dll => TypeNamespaces(dll).Any(ns => ns.StartsWith("Cruddur.Chores", StringComparison.Ordinal)));
            Assert.Equal(await File.ReadAllTextAsync(bundle), await File.ReadAllTextAsync(Path.Combine(unpacked, "certs", "global-bundle.pem")));
            Assert.Equal("{\"triggerSource\":\"PostConfirmation_ConfirmForgotPassword\"}",
                await InvokePackagedHandlerAsync(unpacked, "{\"triggerSource\":\"PostConfirmation_ConfirmForgotPassword\"}"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Package_outside_the_repository_names_the_folder_it_looked_in()
    {
        var elsewhere = Directory.CreateTempSubdirectory("cruddur-not-a-repository-");
        try
        {
            var result = await InProcessCli.RunAsync(new Dictionary<string, string?> { ["CRUDDUR_ROOT"] = elsewhere.FullName }, "lambda", "package");

            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"Error: no src/Cruddur.PostConfirmation/Cruddur.PostConfirmation.csproj in {elsewhere.FullName} (run it from the repository, or through ./cruddur)\n", result.Stderr);
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }

    // What the function calls, and what those call: no DbUp, no Systems Manager SDK, no chores or local cluster.
    static readonly string[] CalledAssemblies =
    [
        "AWSSDK.Core.dll", "Cruddur.Data.dll", "Cruddur.PostConfirmation.dll",
        "Microsoft.Extensions.DependencyInjection.Abstractions.dll", "Microsoft.Extensions.Logging.Abstractions.dll", "Npgsql.dll",
    ];

    static IEnumerable<string> TypeNamespaces(string dll)
    {
        using var reader = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(dll));
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
        return metadata.TypeDefinitions.Select(handle => metadata.GetString(metadata.GetTypeDefinition(handle).Namespace)).Distinct().ToList();
    }

    /// <summary>Loads the packaged assembly in its own context, as Lambda does, and calls the documented method with a stream.</summary>
    static async Task<string> InvokePackagedHandlerAsync(string folder, string json)
    {
        var assemblyPath = Path.Combine(folder, "Cruddur.PostConfirmation.dll");
        var context = new PackagedFunctionContext(assemblyPath);
        try
        {
            var type = context.LoadFromAssemblyPath(assemblyPath).GetType("Cruddur.PostConfirmation.Function", throwOnError: true)!;
            var method = type.GetMethod("HandleAsync", BindingFlags.Public | BindingFlags.Instance, [typeof(Stream)])!;
            Assert.Equal(typeof(Task<Stream>), method.ReturnType);
            var output = await (Task<Stream>)method.Invoke(Activator.CreateInstance(type), [new MemoryStream(Encoding.UTF8.GetBytes(json))])!;
            using var reader = new StreamReader(output);
            return await reader.ReadToEndAsync();
        }
        finally
        {
            context.Unload();
        }
    }

    sealed class PackagedFunctionContext(string assemblyPath) : AssemblyLoadContext(isCollectible: true)
    {
        readonly AssemblyDependencyResolver _resolver = new(assemblyPath);

        protected override Assembly? Load(AssemblyName name) =>
            _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    // A throwaway CA made here, standing in for AWS's global-bundle.pem, which cannot be downloaded offline.
    static string TestCertificatePem()
    {
        using var key = ECDsa.Create();
        var request = new CertificateRequest("CN=Cruddur package test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.ExportCertificatePem();
    }
}
