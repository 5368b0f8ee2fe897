using System.Text.RegularExpressions;
using Cruddur.Rds.Inputs;

namespace Cruddur.Rds.Lint.Reports;

/// <summary>
/// Where the linted text came from, as a SARIF artifact URI (relative to the working folder when it is
/// under it, as code scanning wants), and the line each instance starts on where it can be found.
/// </summary>
public sealed record LintedSource(string Uri, IReadOnlyDictionary<string, int> Lines)
{
    public const string StandardInput = "stdin";

    public int? LineOf(string instance) => Lines.TryGetValue(instance, out var line) ? line : null;

    public static LintedSource Of(string? path, string text, LintInput input) =>
        new(UriOf(path), input.Instances.Select(i => i.Name).Distinct()
            .Select(name => (name, line: Find(text, input.Kind, name)))
            .Where(x => x.line is not null)
            .ToDictionary(x => x.name, x => x.line!.Value));

    static string UriOf(string? path)
    {
        if (path is null or "-") return StandardInput;
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? new Uri(full).AbsoluteUri
            : string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(System.Uri.EscapeDataString));
    }

    /// <summary>The first line naming the instance the way its input kind does; none when it cannot be told.</summary>
    static int? Find(string text, InputKind kind, string name)
    {
        if (name.Length >= InputLimits.MaxShown) return null;
        var id = Regex.Escape(name);
        var (pattern, from) = kind switch
        {
            InputKind.Command => ($@"--(?:db-instance-identifier|db-proxy-name)(?:\s+|=)['""]?{id}['""]?(?![\w-])", 0),
            InputKind.Describe => ($@"""DBInstanceIdentifier""\s*:\s*""{id}""", 0),
            _ => ($@"(?<![\w-])['""]?{id}['""]?[ \t]*:", Math.Max(0, text.IndexOf("Resources", StringComparison.Ordinal))),
        };
        try
        {
            var match = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1)).Match(text, from);
            return match.Success ? 1 + text.AsSpan(0, match.Index).Count('\n') : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
