using System.Text.Json;

namespace Cruddur.Cli.Output;

/// <summary>How <c>--json</c> output is written: camelCase names, indented, for people and jq alike.</summary>
public static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
