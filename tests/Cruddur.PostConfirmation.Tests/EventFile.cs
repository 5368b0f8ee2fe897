using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;

namespace Cruddur.PostConfirmation.Tests;

/// <summary>Event fixtures named after the test that uses them (Events/&lt;Test_name&gt;.json), as aws-lambda-dotnet does.</summary>
public static class EventFile
{
    public static string PathFor([CallerMemberName] string test = "") =>
        Path.Combine(AppContext.BaseDirectory, "Events", test + ".json");

    public static byte[] Load([CallerMemberName] string test = "") => File.ReadAllBytes(PathFor(test));

    /// <summary>The fixture with some user attributes replaced (a null value removes the attribute).</summary>
    public static byte[] WithAttributes(byte[] json, params (string Name, string? Value)[] attributes)
    {
        var root = JsonNode.Parse(json)!;
        var userAttributes = root["request"]!["userAttributes"]!.AsObject();
        foreach (var (name, value) in attributes)
        {
            if (value is null) userAttributes.Remove(name);
            else userAttributes[name] = value;
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    public static string Attribute(byte[] json, string name) =>
        JsonNode.Parse(json)!["request"]!["userAttributes"]![name]!.GetValue<string>();
}
