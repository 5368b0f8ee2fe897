using Cruddur.Data;

namespace Cruddur.Chores.Local;

/// <summary>
/// One cruddur at a time per local cluster: an exclusive lock on <c>cluster.lock</c> in the home.
/// The kernel releases it when its process ends, however it ends, so a crash leaves no stale lock.
/// </summary>
sealed class ClusterLock : IDisposable
{
    public const string FileName = "cluster.lock";
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    readonly FileStream _file;

    ClusterLock(FileStream file) => _file = file;

    /// <summary>Waits for the lock; <paramref name="waiting"/> hears once that another cruddur holds it.</summary>
    public static async Task<ClusterLock> AcquireAsync(string home, Action<string> waiting, CancellationToken ct)
    {
        Directory.CreateDirectory(home);
        var path = Path.Combine(home, FileName);
        var deadline = DateTime.UtcNow + Patience;
        var told = false;
        while (true)
        {
            if (TryOpen(path) is { } file) return new ClusterLock(file);
            if (DateTime.UtcNow > deadline)
                throw new CruddurException($"another cruddur has been using the local cluster in {home} for {Patience.TotalMinutes:0} min (let it finish or stop it, then retry)");
            if (!told) waiting($"Waiting: another cruddur is using the local cluster in {home}");
            told = true;
            await Task.Delay(Poll, ct);
        }
    }

    // .NET takes flock(LOCK_EX | LOCK_NB) for FileShare.None and fails at once when another process holds it.
    static FileStream? TryOpen(string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    /// <summary>Removes the lock file while still holding it: <c>local destroy</c> leaves nothing behind.</summary>
    public void DeleteFile() => File.Delete(_file.Name);

    public void Dispose() => _file.Dispose();
}
