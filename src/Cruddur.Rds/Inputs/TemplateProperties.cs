using System.Globalization;
using System.Text.Json.Nodes;

namespace Cruddur.Rds.Inputs;

/// <summary>Typed reads of one resource's Properties; a value that cannot be resolved is remembered by name.</summary>
public sealed class TemplateProperties(TemplateValues values, JsonObject properties)
{
    public HashSet<string> Unresolved { get; } = [];

    public JsonNode? Node(string name) => properties[name];

    public TemplateValue Value(string name) => values.Resolve(properties[name]);

    public string? Text(string name, string model)
    {
        switch (Value(name))
        {
            case TemplateValue.Literal literal: return literal.Text;
            case TemplateValue.Missing: return null;
            default: Unresolved.Add(model); return null;
        }
    }

    public bool? Bool(string name, string model)
    {
        var text = Text(name, model);
        if (text is null) return null;
        if (bool.TryParse(text, out var value)) return value;
        Unresolved.Add(model);
        return null;
    }

    public int? Int(string name, string model)
    {
        var text = Text(name, model);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        Unresolved.Add(model);
        return null;
    }

    public IReadOnlyList<string>? List(string name, string model)
    {
        if (properties[name] is null) return null;
        if (properties[name] is not JsonArray items) { Unresolved.Add(model); return null; }
        var texts = items.Select(values.Resolve).ToList();
        if (texts.Any(t => t is not TemplateValue.Literal)) Unresolved.Add(model);
        return texts.OfType<TemplateValue.Literal>().Select(l => l.Text).ToList();
    }
}
