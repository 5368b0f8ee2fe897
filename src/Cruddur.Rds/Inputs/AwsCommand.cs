using System.Globalization;

namespace Cruddur.Rds.Inputs;

/// <summary>
/// One <c>aws [global options] SERVICE VERB --flag value ...</c> command: <c>--flag value</c>,
/// <c>--flag=value</c>, list flags (<c>--x a b</c>), booleans (<c>--x</c> / <c>--no-x</c>).
/// </summary>
public sealed class AwsCommand
{
    readonly Dictionary<string, List<Word>> _flags = new(StringComparer.Ordinal);

    public string Service { get; }
    public string Verb { get; }

    AwsCommand(string service, string verb, IEnumerable<Word> arguments)
    {
        Service = service;
        Verb = verb;
        List<Word>? current = null;
        foreach (var word in arguments)
        {
            if (word.Text.StartsWith("--", StringComparison.Ordinal) && !word.Expands)
            {
                var (name, inline) = word.Text.IndexOf('=') is var eq and > 2 ? (word.Text[2..eq], word.Text[(eq + 1)..]) : (word.Text[2..], null);
                current = _flags[name] = [];
                if (inline is not null) current.Add(word with { Text = inline });
            }
            else current?.Add(word);
        }
    }

    /// <summary>The command when the words are an <c>aws</c> call (leading VAR=value assignments allowed).</summary>
    public static AwsCommand? From(IReadOnlyList<Word> words)
    {
        var start = 0;
        while (start < words.Count && words[start].Text.Contains('=') && !words[start].Text.StartsWith('-')) start++;
        if (start >= words.Count || Path.GetFileName(words[start].Text) != "aws") return null;
        var rest = words.Skip(start + 1).ToList();
        var service = Enumerable.Range(0, rest.Count)
            .FirstOrDefault(i => !rest[i].Text.StartsWith('-') && !(i > 0 && GlobalOptionsWithValue.Contains(rest[i - 1].Text)), -1);
        if (service < 0 || service + 1 >= rest.Count) return null;
        var globals = rest.Take(service);
        return new AwsCommand(rest[service].Text, rest[service + 1].Text, globals.Concat(rest.Skip(service + 2)));
    }

    static readonly string[] GlobalOptionsWithValue = ["--region", "--profile", "--endpoint-url", "--output", "--query", "--color", "--ca-bundle", "--cli-read-timeout", "--cli-connect-timeout"];

    public bool Has(string name) => _flags.ContainsKey(name) || _flags.ContainsKey("no-" + name);

    public IReadOnlyList<Word> Values(string name) => _flags.TryGetValue(name, out var values) ? values : [];

    public Word? Value(string name) => Values(name) is [var first, ..] ? first : null;

    public string? Text(string name) => Value(name) is { Expands: false } word ? word.Text : null;

    public bool? Bool(string name)
    {
        if (_flags.ContainsKey("no-" + name)) return false;
        if (!_flags.TryGetValue(name, out var values)) return null;
        return values is [var v] && bool.TryParse(v.Text, out var parsed) ? parsed : true;
    }

    public int? Int(string name) =>
        Text(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A present flag whose value cannot be known offline (a shell variable, not a number).</summary>
    public bool IsOpaque(string name) => _flags.ContainsKey(name) && Values(name) is var v && (v.Count == 0 || v.Any(w => w.Expands));

    /// <summary>A list flag, written as words (<c>a b</c>), commas, or a JSON array.</summary>
    public IReadOnlyList<string>? List(string name)
    {
        if (!_flags.TryGetValue(name, out var values)) return null;
        return values.SelectMany(w => w.Text.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.Trim('"'))
            .Where(v => v.Length > 0)
            .ToList();
    }
}
