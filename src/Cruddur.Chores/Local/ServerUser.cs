using CliWrap;
using CliWrap.Buffered;
using Cruddur.Data;

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
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var command = (IsRoot ? Cli.Wrap("runuser").WithArguments(["-u", Name, "--", program, .. arguments]) : Cli.Wrap(program).WithArguments(arguments))
            .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>())
            .WithStandardInputPipe(input is null ? PipeSource.Null : PipeSource.FromString(input))
            .WithValidation(CommandResultValidation.None);
        var result = await command.ExecuteBufferedAsync(ct);
        if (result.ExitCode != 0)
            throw new CruddurException($"{Path.GetFileName(program)} failed ({LastLine(result.StandardError)})");
        return result.StandardOutput;
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

    public static async Task OwnAsync(string path, CancellationToken ct)
    {
        if (!IsRoot) return;
        var chown = await Cli.Wrap("chown").WithArguments(["-R", $"{Name}:", path]).WithValidation(CommandResultValidation.None)
            .ExecuteAsync(ct);
        if (chown.ExitCode != 0) throw new CruddurException($"cannot give {path} to the {Name} user");
    }

    static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
}
