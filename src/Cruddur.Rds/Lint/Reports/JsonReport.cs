using System.Text.Json;
using System.Text.Json.Nodes;
using Cruddur.Rds.Rules;

namespace Cruddur.Rds.Lint.Reports;

/// <summary>
/// The report as one JSON document for scripts: every rule on every instance (passes too), each with
/// its verdict, whether it blocks at <c>--fail-on</c>, the reason, the fix and the source controls.
/// </summary>
public static class JsonReport
{
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(LintReport report, LintedSource source, InputKind kind, Severity failOn)
    {
        var blocking = report.Blocking(failOn).ToHashSet();
        var document = new JsonObject
        {
            ["tool"] = "cruddur rds lint",
            ["input"] = new JsonObject { ["uri"] = source.Uri, ["kind"] = KindName(kind) },
            ["failOn"] = failOn.Name(),
            ["result"] = blocking.Count > 0 ? "fail" : "pass",
            ["summary"] = new JsonObject
            {
                ["failed"] = report.Failures.Count(),
                ["unknown"] = report.Count(Verdict.Unknown),
                ["accepted"] = report.Findings.Count(f => f.IsAccepted),
                ["passed"] = report.Count(Verdict.Pass),
                ["notApplicable"] = report.Count(Verdict.NotApplicable),
            },
            ["notes"] = new JsonArray(report.Notes.Select(n => (JsonNode?)n).ToArray()),
            ["findings"] = new JsonArray(report.Findings.Select(f => (JsonNode?)Finding(f, source, blocking.Contains(f))).ToArray()),
        };
        return document.ToJsonString(Indented) + "\n";
    }

    static JsonObject Finding(Finding f, LintedSource source, bool blocks) => new()
    {
        ["instance"] = f.Instance,
        ["line"] = source.LineOf(f.Instance),
        ["ruleId"] = f.Rule.Id,
        ["severity"] = f.Rule.Severity.Name(),
        ["verdict"] = f.Status,
        ["blocking"] = blocks,
        ["detail"] = f.Outcome.Detail,
        ["fix"] = f.Outcome.Verdict is Verdict.Fail or Verdict.Unknown ? f.Fix : null,
        ["acceptedReason"] = f.AcceptedReason,
        ["sources"] = new JsonObject
        {
            ["securityHub"] = f.Rule.SecurityHub,
            ["cdkNag"] = f.Rule.CdkNag,
            ["checkov"] = f.Rule.Checkov,
            ["practice"] = f.Rule.Practice,
        },
        ["helpUri"] = f.Rule.HelpUri,
    };

    public static string KindName(InputKind kind) => kind switch
    {
        InputKind.Command => "create-db-instance",
        InputKind.Describe => "describe-db-instances",
        _ => "cloudformation",
    };
}
