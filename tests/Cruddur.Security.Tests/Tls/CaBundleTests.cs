using Cruddur.Testing;

namespace Cruddur.Security.Tests.Tls;

public class CaBundleTests
{
    [Fact]
    public async Task Ca_bundle_leaves_a_cached_bundle_alone_and_says_where_it_is()
    {
        var cache = Directory.CreateTempSubdirectory("cruddur-cache-").FullName;
        try
        {
            var bundle = Path.Combine(cache, "cruddur", "rds-global-bundle.pem");
            Directory.CreateDirectory(Path.GetDirectoryName(bundle)!);
            await File.WriteAllTextAsync(bundle, "cached");

            var result = await InProcessCli.RunWithInputAsync(new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = cache }, null, "db", "ca-bundle");

            Assert.Equal((0, "cached"), (result.ExitCode, await File.ReadAllTextAsync(bundle)));
            Assert.Contains($"Cached: {bundle} (nothing to do; --refresh downloads it again)", result.Stdout);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
