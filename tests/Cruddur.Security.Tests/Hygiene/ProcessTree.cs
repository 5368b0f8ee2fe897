using Cruddur.Testing;

namespace Cruddur.Security.Tests.Hygiene;

/// <summary>Reads a process's descendants, arguments and environment from /proc, as any local user could.</summary>
static class ProcessTree
{
    /// <summary>
    /// The descendant running the program <paramref name="name"/>: Debian's psql is first a Perl wrapper
    /// (argv[0] perl) that then execs the real binary in the same process, so match on argv[0].
    /// </summary>
    public static async Task<int> WaitForDescendantAsync(int root, string name, TimeSpan patience)
    {
        var match = 0;
        var found = await Poll.UntilAsync(
            () => (match = Descendants(root).FirstOrDefault(pid => Arguments(pid) is [var program, ..] && Path.GetFileName(program) == name)) != 0, patience);
        return found ? match : throw new TimeoutException($"no {name} below process {root} within {patience.TotalSeconds} s");
    }

    public static string[] Arguments(int pid) =>
        (Read($"/proc/{pid}/cmdline") ?? "").Split('\0', StringSplitOptions.RemoveEmptyEntries);

    public static Dictionary<string, string> Environment(int pid) =>
        (Read($"/proc/{pid}/environ") ?? "").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");

    static IEnumerable<int> Descendants(int pid)
    {
        var tasks = $"/proc/{pid}/task";
        if (!Directory.Exists(tasks)) yield break;
        foreach (var task in SafeDirectories(tasks))
        foreach (var child in (Read(Path.Combine(task, "children")) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse))
        {
            yield return child;
            foreach (var grandchild in Descendants(child)) yield return grandchild;
        }
    }

    static string[] SafeDirectories(string path)
    {
        try
        {
            return Directory.GetDirectories(path);
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    // A process may exit while we read it.
    static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
