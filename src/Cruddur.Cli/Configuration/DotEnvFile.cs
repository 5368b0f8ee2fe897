using System.Text.RegularExpressions;
using Cruddur.Data;

namespace Cruddur.Cli.Configuration;

/// <summary>
/// dbmate's convention: a <c>.env</c> file at the repository root sets the same variables as the
/// environment (NAME=value lines, # comments, optional quotes and "export"); the entry point lets a
/// variable already in the real environment win. Values are never shown, not even in the error for a
/// malformed line.
/// </summary>
public static partial class DotEnvFile
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();

    /// <summary>The variables the file sets, in order; none when there is no file.</summary>
    public static IReadOnlyList<(string Name, string Value)> Read(string path)
    {
        if (!File.Exists(path)) return [];
        var lines = File.ReadAllLines(path);
        var variables = new List<(string, string)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (Parse(lines[i]) is not var (name, value))
                throw new CruddurException($"{path} line {i + 1} is not NAME=value (the line is not shown, as it may hold a secret)");
            if (name.Length > 0) variables.Add((name, value));
        }
        return variables;
    }

    /// <summary>The variable a line sets; ("", "") for a blank line or comment; null for a malformed line.</summary>
    static (string Name, string Value)? Parse(string line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.StartsWith('#')) return ("", "");
        if (text.StartsWith("export ", StringComparison.Ordinal)) text = text["export ".Length..].TrimStart();
        var equals = text.IndexOf('=');
        if (equals <= 0) return null;
        var name = text[..equals].TrimEnd();
        if (!VariableName().IsMatch(name)) return null;
        var value = Value(text[(equals + 1)..].Trim());
        return value is null ? null : (name, value);
    }

    static string? Value(string raw)
    {
        if (raw.Length > 0 && raw[0] is '"' or '\'')
        {
            var close = raw.LastIndexOf(raw[0]);
            if (close == 0) return null;
            var rest = raw[(close + 1)..].TrimStart();
            if (rest.Length > 0 && !rest.StartsWith('#')) return null;
            var inner = raw[1..close];
            return raw[0] == '"' ? inner.Replace("\\n", "\n").Replace("\\\"", "\"").Replace("\\\\", "\\") : inner;
        }
        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? raw[..comment] : raw).TrimEnd();
    }
}
