using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cruddur.Rds.Inputs;

/// <summary>
/// Resolves template values the way CloudFormation would with the default parameter values:
/// <c>Ref</c> to a parameter (its Default, or unknown), to a resource, <c>Fn::FindInMap</c> with
/// literal keys, <c>Fn::GetAtt</c> to a resource. Everything else stays opaque.
/// </summary>
public sealed class TemplateValues(JsonObject template)
{
    static readonly JsonObject Empty = [];

    JsonObject Parameters => template["Parameters"] as JsonObject ?? Empty;

    public JsonObject Resources => (JsonObject)template["Resources"]!;

    public JsonObject? ResourceOfType(string logicalId, string type) =>
        Resources[logicalId] is JsonObject resource && Scalar(resource["Type"]) == type ? resource : null;

    public TemplateValue Resolve(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return TemplateValue.None;
            case JsonValue value:
                return new TemplateValue.Literal(Scalar(value) ?? "");
            case JsonObject { Count: 1 } intrinsic when intrinsic.Single() is var (name, argument):
                return name switch
                {
                    "Ref" => Reference(Scalar(argument) ?? ""),
                    "Fn::GetAtt" => GetAtt(argument),
                    "Fn::FindInMap" => FindInMap(argument),
                    _ => new TemplateValue.Opaque(name),
                };
            default:
                return new TemplateValue.Opaque(node.GetValueKind().ToString());
        }
    }

    /// <summary>The literal text of a value, or null when it is not a literal.</summary>
    public static string? Scalar(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.ToJsonString(),
        }
        : null;

    TemplateValue Reference(string name)
    {
        if (Resources.ContainsKey(name)) return new TemplateValue.Resource(name);
        if (Parameters[name] is not JsonObject parameter) return new TemplateValue.Opaque($"Ref {name}");
        var noEcho = Scalar(parameter["NoEcho"])?.Equals("true", StringComparison.OrdinalIgnoreCase) == true;
        return Scalar(parameter["Default"]) is { } fallback
            ? new TemplateValue.Literal(fallback, name)
            : new TemplateValue.ParameterWithoutDefault(name, noEcho);
    }

    TemplateValue GetAtt(JsonNode? argument)
    {
        var target = argument is JsonArray { Count: > 0 } parts ? Scalar(parts[0]) : Scalar(argument)?.Split('.')[0];
        return target is not null && Resources.ContainsKey(target) ? new TemplateValue.Resource(target) : new TemplateValue.Opaque("Fn::GetAtt");
    }

    TemplateValue FindInMap(JsonNode? argument)
    {
        if (argument is not JsonArray { Count: 3 } keys) return new TemplateValue.Opaque("Fn::FindInMap");
        var path = keys.Select(k => Resolve(k) as TemplateValue.Literal).ToList();
        if (path.Any(p => p is null)) return new TemplateValue.Opaque("Fn::FindInMap");
        var found = template["Mappings"]?[path[0]!.Text]?[path[1]!.Text]?[path[2]!.Text];
        return Scalar(found) is { } text ? new TemplateValue.Literal(text) : new TemplateValue.Opaque("Fn::FindInMap");
    }
}
