using Cruddur.Rds.Rules;

namespace Cruddur.Rds.Lint;

/// <summary>One line per finding, one line of summary: what a reader or a grep needs, nothing secret.</summary>
public static class FindingText
{
    public static string Line(Finding f)
    {
        var rule = f.Rule;
        var severity = rule.Severity.Name();
        var head = $"{rule.Id} ({severity}) {f.Instance}";
        var sources = rule.Sources.Length > 0 ? $" [{rule.Sources}]" : "";
        if (f.IsAccepted) return $"ACCEPTED {head}: {rule.What} — {f.Outcome.Detail}. Reason: {f.AcceptedReason}";
        var ifItFails = rule.Severity == Severity.Info ? "" : $"; {severity} if it fails";
        if (f.IsUnknown) return $"UNKNOWN {rule.Id} (info{ifItFails}) {f.Instance}: {f.Outcome.Detail}.{sources}";
        return $"FAIL {head}: {rule.What} — {f.Outcome.Detail}. Fix: {f.Fix}.{sources}";
    }

    const int MaxLine = 2000;

    /// <summary>
    /// A line safe for a terminal whatever the input held: control characters (an escape sequence in a
    /// logical id) shown as <c>?</c>, and cut at <see cref="MaxLine"/> characters.
    /// </summary>
    public static string Printable(string line)
    {
        var clean = string.Create(Math.Min(line.Length, MaxLine), line, (span, source) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = char.IsControl(source[i]) ? '?' : source[i];
        });
        return line.Length > MaxLine ? $"{clean}… ({line.Length - MaxLine} more characters)" : clean;
    }

    public static string Summary(LintReport report)
    {
        var failures = report.Failures.ToList();
        var bySeverity = failures.GroupBy(f => f.Rule.Severity).OrderByDescending(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.Name()}");
        var detail = failures.Count > 0 ? $" ({string.Join(", ", bySeverity)})" : "";
        return $"Summary: {failures.Count} failed{detail}, {report.Count(Verdict.Unknown)} unknown, " +
               $"{report.Findings.Count(f => f.IsAccepted)} accepted, {report.Count(Verdict.Pass)} passed, {report.Count(Verdict.NotApplicable)} not applicable";
    }

    public static string Result(LintReport report, Severity failOn)
    {
        var blocking = report.Blocking(failOn).Count();
        var level = failOn.Name();
        return blocking > 0 ? $"Result: FAIL ({blocking} finding{(blocking == 1 ? "" : "s")} at {level} or above)" : $"Result: PASS (no finding at {level} or above)";
    }
}
