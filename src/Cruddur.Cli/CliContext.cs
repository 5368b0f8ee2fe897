using Cruddur.Chores.Local;
using Cruddur.Cli.Cognito;
using Cruddur.Cli.Commands;
using Cruddur.Cli.Output;

namespace Cruddur.Cli;

/// <summary>
/// What one run of the CLI may touch of its process: the terminal it writes to and the variables it
/// reads (the process environment overlaid with .env, built by Program.cs). A test makes its own, so
/// runs in one process stay apart.
/// </summary>
public sealed class CliContext
{
    readonly Lazy<LocalCluster> _cluster;

    public CliContext(Terminal terminal, IReadOnlyDictionary<string, string> variables)
    {
        Terminal = terminal;
        Variables = variables;
        // One per run, so that a lock held by `up` covers the cluster operations it runs. Its notes
        // (Waiting: ..., Repairing: ...) go to stderr, since stdout may be a command's JSON.
        Binaries = PostgresBinaries.From(Variable);
        _cluster = new(() => new(Variable("CRUDDUR_HOME") is { Length: > 0 } home ? home : ".cruddur")
        {
            Binaries = Binaries,
            Progress = Terminal.Detail,
            OtherFolders = Emulator.FoldersInHome,
        });
    }

    public Terminal Terminal { get; }

    public IReadOnlyDictionary<string, string> Variables { get; }

    public string? Variable(string name) => Variables.GetValueOrDefault(name);

    /// <summary>stdin: whether something is piped in, and the stream to read it from (nothing, unless told).</summary>
    public bool InputIsRedirected { get; init; } = true;

    public Func<Stream> OpenInput { get; init; } = () => Stream.Null;

    /// <summary>The PostgreSQL programs the variables point at (CRUDDUR_PG_BIN, PATH).</summary>
    public PostgresBinaries Binaries { get; }

    /// <summary>The embedded local cluster, created on first use.</summary>
    public LocalCluster Cluster => _cluster.Value;

    /// <summary>--prod, --force, --json, --wait, --verbose: this run's command tree's own.</summary>
    public CommonOptions Options { get; } = new();
}
