using Cruddur.Cli.Output;

namespace Cruddur.Cli.Commands.Db;

/// <summary>
/// Turns pg_restore's --verbose lines into one line per phase (schema, each table's data, indexes and
/// constraints) and keeps its error lines for the failure message.
/// </summary>
public sealed class RestoreProgress(Terminal terminal)
{
    const string DataPrefix = "pg_restore: processing data for table ";
    string? _phase;
    readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public int Tables { get; private set; }

    public void Read(string line)
    {
        if (line.StartsWith(DataPrefix, StringComparison.Ordinal))
        {
            Tables++;
            _phase = "data";
            terminal.Line($"Restoring: data of {line[DataPrefix.Length..].Trim('"')}");
            return;
        }
        if (line.Contains("error:", StringComparison.Ordinal) || line.StartsWith("pg_restore: from TOC entry", StringComparison.Ordinal))
        {
            _errors.Add(line);
            return;
        }
        var phase = Phase(line);
        if (phase is null || phase == _phase) return;
        _phase = phase;
        terminal.Line($"Restoring: {phase}");
    }

    static string? Phase(string line) => line switch
    {
        _ when line.StartsWith("pg_restore: creating INDEX", StringComparison.Ordinal)
            || line.StartsWith("pg_restore: creating CONSTRAINT", StringComparison.Ordinal)
            || line.StartsWith("pg_restore: creating FK CONSTRAINT", StringComparison.Ordinal)
            || line.StartsWith("pg_restore: creating TRIGGER", StringComparison.Ordinal) => "indexes and constraints",
        _ when line.StartsWith("pg_restore: creating ", StringComparison.Ordinal) => "schema",
        _ => null,
    };
}
