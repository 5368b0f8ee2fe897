using Cruddur.Data;
using System.Diagnostics;

namespace Cruddur.Chores.Local;

/// <summary>
/// PostgreSQL refuses to run as root, so when we are root the server programs run as the
/// <c>postgres</c> OS user (through runuser) and own the cluster's files.
/// </summary>
static class ServerUser
{
    const string Name = "postgres";

    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>
    /// Runs a server program; <paramref name="input"/> goes to its stdin, a secret it reads from the
    /// environment (PGPASSWORD) in <paramref name="environment"/>: a password never goes in argv.
    /// </summary>
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, CancellationToken ct, string? input = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        if (IsRoot)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", Name, "--", program }) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new CruddurException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), ct);
            process.StandardInput.Close();
        }
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new CruddurException($"{Path.GetFileName(program)} failed ({LastLine(await stderr)})");
        return await stdout;
    }

    /// <summary>Whether the server user can reach (search) a folder: every folder above it must allow it.</summary>
    public static async Task<bool> CanReachAsync(string directory, CancellationToken ct)
    {
        if (!IsRoot) return true;
        try
        {
            await RunAsync("test", ["-x", directory], ct);
            return true;
        }
        catch (CruddurException)
        {
            return false;
        }
    }

    public static void Own(string path)
    {
        if (!IsRoot) return;
        using var chown = Process.Start("chown", ["-R", $"{Name}:", path]);
        chown.WaitForExit();
        if (chown.ExitCode != 0) throw new CruddurException($"cannot give {path} to the {Name} user");
    }

    static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
}
