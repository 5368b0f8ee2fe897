using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cruddur.Rds.Inputs;

/// <summary>
/// A finding accepted on purpose, written next to the configuration like checkov's skip comments:
/// <c># cruddur-accept: RDS-MULTI-AZ single-AZ is enough for a dev database</c> above a command, or
/// <c>Metadata: {cruddur: {accept: [{id: RDS-MULTI-AZ, reason: ...}]}}</c> on a template resource.
/// </summary>
public static partial class Acceptance
{
    public const string CommentPrefix = "cruddur-accept:";

    public static IReadOnlyDictionary<string, string> FromComments(IEnumerable<string> comments)
    {
        var accepted = new Dictionary<string, string>();
        foreach (var comment in comments)
            if (AcceptComment().Match(comment) is { Success: true } match)
                accepted[match.Groups["id"].Value] = match.Groups["reason"].Value.Trim();
        return accepted;
    }

    public static IReadOnlyDictionary<string, string> FromMetadata(JsonNode resource)
    {
        var accepted = new Dictionary<string, string>();
        if (resource["Metadata"]?["cruddur"]?["accept"] is not JsonArray entries) return accepted;
        foreach (var entry in entries)
            if (TemplateValues.Scalar(entry?["id"]) is { } id)
                accepted[id] = TemplateValues.Scalar(entry?["reason"]) ?? "";
        return accepted;
    }

    [GeneratedRegex(@"^cruddur-accept:\s*(?<id>RDS-[A-Z0-9-]+)\s*(?<reason>.*)$")]
    private static partial Regex AcceptComment();
}
