using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cruddur.Rds.Rules;

namespace Cruddur.Rds.Lint.Reports;

/// <summary>
/// The report as a SARIF 2.1.0 log, the shape checkov and cfn-lint write for code-scanning uploads: the
/// rule table as <c>tool.driver.rules</c>, one result per failure (accepted ones carry an in-source
/// suppression with the reason) and per unknown (kind <c>review</c>), each located in the linted file.
/// </summary>
public static class SarifLog
{
    public const string Schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(LintReport report, LintedSource source)
    {
        var rules = RuleTable.All.ToList();
        var results = report.Findings
            .Where(f => f.Outcome.Verdict is Verdict.Fail or Verdict.Unknown)
            .Select(f => Result(f, rules.IndexOf(f.Rule), source));
        var log = new JsonObject
        {
            ["$schema"] = Schema,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "cruddur rds lint",
                        ["version"] = typeof(SarifLog).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
                        ["rules"] = new JsonArray(rules.Select(Descriptor).ToArray<JsonNode?>()),
                    },
                },
                ["results"] = new JsonArray(results.ToArray<JsonNode?>()),
            }),
        };
        return log.ToJsonString(Indented) + "\n";
    }

    static JsonObject Descriptor(Rule rule) => new()
    {
        ["id"] = rule.Id,
        ["name"] = rule.Name,
        ["shortDescription"] = new JsonObject { ["text"] = Sentence(rule.What) },
        ["fullDescription"] = new JsonObject { ["text"] = Sentence($"{rule.What} ({rule.Severity.Name()})") },
        ["help"] = new JsonObject
        {
            ["text"] = $"Fix: {rule.Fix}. In a template: {rule.TemplateFix}.{(rule.Sources.Length > 0 ? $" Sources: {rule.Sources}." : "")}",
            ["markdown"] = $"**Fix:** {rule.Fix}.\n\n**In a template:** {rule.TemplateFix}.\n\n{(rule.Sources.Length > 0 ? $"**Sources:** {rule.Sources}. " : "")}[More]({rule.HelpUri})",
        },
        ["helpUri"] = rule.HelpUri,
        ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.Severity) },
        ["properties"] = new JsonObject
        {
            ["tags"] = new JsonArray("security", "rds", "postgresql"),
            ["security-severity"] = SecuritySeverity(rule.Severity),
        },
    };

    static JsonObject Result(Finding f, int ruleIndex, LintedSource source)
    {
        var region = source.LineOf(f.Instance) is { } line ? new JsonObject { ["startLine"] = line } : null;
        var physical = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = source.Uri } };
        if (region is not null) physical["region"] = region;
        var result = new JsonObject
        {
            ["ruleId"] = f.Rule.Id,
            ["ruleIndex"] = ruleIndex,
        };
        if (f.IsUnknown)
        {
            // SARIF §3.27.9: a result whose kind is not "fail" has level "none".
            result["kind"] = "review";
            result["level"] = "none";
            result["message"] = new JsonObject { ["text"] = $"{f.Instance}: {Sentence(f.Outcome.Detail)}" };
        }
        else
        {
            result["level"] = Level(f.Rule.Severity);
            result["message"] = new JsonObject { ["text"] = $"{f.Instance}: {f.Rule.What} — {f.Outcome.Detail}. Fix: {f.Fix}." };
        }
        result["locations"] = new JsonArray(new JsonObject
        {
            ["physicalLocation"] = physical,
            ["logicalLocations"] = new JsonArray(new JsonObject { ["name"] = f.Instance, ["kind"] = "resource" }),
        });
        if (f.IsAccepted)
            result["suppressions"] = new JsonArray(new JsonObject { ["kind"] = "inSource", ["status"] = "accepted", ["justification"] = f.AcceptedReason });
        return result;
    }

    /// <summary>Critical and high fail a build as errors, as cfn-lint's E rules do; medium warns; the rest are notes.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>GitHub code scanning's scale: critical ≥ 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9.</summary>
    static string SecuritySeverity(Severity severity) => (severity switch
    {
        Severity.Critical => 9.5,
        Severity.High => 8.0,
        Severity.Medium => 5.5,
        Severity.Low => 3.0,
        _ => 0.5,
    }).ToString("0.0", CultureInfo.InvariantCulture);

    static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");
}
