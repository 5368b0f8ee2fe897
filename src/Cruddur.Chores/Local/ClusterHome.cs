using Cruddur.Data;
using System.Text.RegularExpressions;

namespace Cruddur.Chores.Local;

/// <summary>
/// What in a cruddur home is cruddur's: <c>cluster.json</c>, <c>cluster.lock</c>, the server folder
/// (<c>pg/</c>, or <c>/var/lib/cruddur/&lt;hash&gt;</c> for root) and the folders other parts name
/// (the local Cognito's). Anything else in the home is the user's.
/// </summary>
static partial class ClusterHome
{
    public const string ConfigurationMarker = "# cruddur";
    const string ServerFolder = "pg";
    static readonly string[] HalfMadeEntries = ["data", "initdb-password", "server.log"];

    public static void RefuseIfForeign(string home, IReadOnlyList<string> otherFolders)
    {
        var ours = new[] { ClusterState.FileName, ClusterLock.FileName, ServerFolder }.Concat(otherFolders)
            .Any(name => Path.Exists(Path.Combine(home, name)));
        if (!ours && Directory.EnumerateFileSystemEntries(home).Any())
            throw new CruddurException($"{home} is not a cruddur home (it has no {ClusterState.FileName}; check CRUDDUR_HOME); nothing was deleted");
    }

    /// <summary>Deletes cruddur's files while holding the lock, then the home itself when nothing else is left in it.</summary>
    /// <param name="dataName">The primary's data folder in the server folder: <c>data</c>, or a promoted standby's.</param>
    public static IReadOnlyList<string> Remove(
        string home, string? serverDirectory, string dataName, IReadOnlyList<string> otherFolders, ClusterLock held)
    {
        var removed = new List<string>();
        foreach (var folder in otherFolders.Select(name => Path.Combine(home, name)).Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
            removed.Add(folder);
        }
        foreach (var server in new[] { serverDirectory, Path.Combine(home, ServerFolder) }.Distinct())
        {
            if (server is null || !Directory.Exists(server) || !IsServerFolder(home, server, dataName)) continue;
            Directory.Delete(server, recursive: true);
            removed.Add(server);
        }
        foreach (var name in new[] { ClusterState.FileName, ClusterState.FileName + ".tmp" })
        {
            var path = Path.Combine(home, name);
            if (!File.Exists(path)) continue;
            File.Delete(path);
            removed.Add(path);
        }
        held.DeleteFile();
        if (!Directory.EnumerateFileSystemEntries(home).Any())
        {
            Directory.Delete(home);
            removed.Add(home);
        }
        return removed;
    }

    /// <summary>A cluster cruddur finished creating: initdb ran and cruddur's settings were appended.</summary>
    public static bool IsCluster(string server, string dataName = "data")
    {
        var configuration = Path.Combine(server, dataName, "postgresql.conf");
        return File.Exists(Path.Combine(server, dataName, "PG_VERSION")) && File.Exists(configuration)
            && File.ReadLines(configuration).Contains(ConfigurationMarker);
    }

    /// <summary>What an interrupted creation leaves: only the files cruddur's creation writes.</summary>
    public static bool IsHalfMade(string server) =>
        Directory.EnumerateFileSystemEntries(server).All(entry => HalfMadeEntries.Contains(Path.GetFileName(entry)));

    // Only the two places cruddur puts a server folder, holding only what cruddur writes there.
    static bool IsServerFolder(string home, string server, string dataName)
    {
        var expected = server == Path.Combine(home, ServerFolder) || RootServerFolder().IsMatch(server);
        return expected && (IsCluster(server, dataName) || IsHalfMade(server));
    }

    [GeneratedRegex("^/var/lib/cruddur/[0-9a-f]{16}$")]
    private static partial Regex RootServerFolder();
}
