using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cruddur.Rds.Inputs;

/// <summary>
/// A CloudFormation template, JSON or YAML, as one JSON tree. YAML short forms become their long
/// forms (<c>!Ref X</c> → <c>{"Ref": "X"}</c>, <c>!Sub s</c> → <c>{"Fn::Sub": s}</c>); a tag this code
/// does not know becomes an equally opaque <c>Fn::</c> value rather than an error.
/// </summary>
public static class TemplateDocument
{
    public static JsonObject Parse(string text)
    {
        var root = text.TrimStart().StartsWith('{') ? ParseJson(text) : ParseYaml(text);
        if (root is not JsonObject template || template["Resources"] is not JsonObject)
            throw new RdsException("the input is not a CloudFormation template (no Resources section)");
        return template;
    }

    static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = InputLimits.MaxDepth };

    static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: Strict);
        }
        catch (JsonException e)
        {
            throw new RdsException($"the JSON does not parse (line {e.LineNumber + 1})");
        }
    }

    static JsonNode? ParseYaml(string text)
    {
        var stream = new YamlStream();
        try
        {
            YamlBounds.Check(text);
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new RdsException($"the YAML does not parse (line {e.Start.Line})");
        }
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    static JsonNode? Convert(YamlNode node)
    {
        JsonNode? value = node switch
        {
            YamlScalarNode scalar => scalar.Value is null || (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "" or "~" or "null")
                ? null
                : JsonValue.Create(scalar.Value),
            YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
            YamlMappingNode mapping => Mapping(mapping),
            _ => null,
        };
        var tag = node.Tag.IsEmpty ? "" : node.Tag.Value;
        if (tag.Length < 2 || !tag.StartsWith('!') || tag.StartsWith("!!", StringComparison.Ordinal)) return value;
        var name = tag[1..];
        return new JsonObject { [name is "Ref" or "Condition" ? name : "Fn::" + name] = value };
    }

    static JsonObject Mapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, child) in mapping.Children)
            result[key is YamlScalarNode { Value: { } name } ? name : key.ToString()] = Convert(child);
        return result;
    }
}
