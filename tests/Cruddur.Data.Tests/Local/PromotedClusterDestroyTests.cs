using Cruddur.Chores.Local;
using Cruddur.Testing;

namespace Cruddur.Data.Tests.Local;

/// <summary>After a failover the primary's data lives in the promoted standby's folder; destroy still removes it all.</summary>
public sealed class PromotedClusterDestroyTests
{
    [Fact]
    public async Task Destroy_after_a_promotion_removes_the_server_folder()
    {
        var home = Path.Combine(Path.GetTempPath(), $"cruddur-promoted-{Guid.NewGuid():N}");
        var cluster = new LocalCluster(home, ThrowawaySettings.NoFsync);
        try
        {
            await cluster.ReplicateAsync(1, synchronous: false, CancellationToken.None);
            await cluster.PromoteAsync(1, CancellationToken.None);
            var data = cluster.Status().DataDirectory;
            var server = Path.GetDirectoryName(data)!;
            Assert.EndsWith("standby1", data);

            var removed = await cluster.DestroyAsync(CancellationToken.None);

            Assert.Contains(server, removed);
            Assert.False(Directory.Exists(server), $"{server} is left behind");
            Assert.False(Directory.Exists(home), $"{home} is left behind");
        }
        finally
        {
            if (Directory.Exists(home)) await cluster.DestroyAsync(CancellationToken.None);
        }
    }
}
