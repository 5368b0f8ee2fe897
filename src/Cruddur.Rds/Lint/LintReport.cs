using Cruddur.Rds.Rules;

namespace Cruddur.Rds.Lint;

/// <summary>Every rule on every instance of one input, plus notes on what was skipped.</summary>
public sealed record LintReport(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Notes)
{
    public IEnumerable<Finding> Failures => Findings.Where(f => f.IsFailure);

    /// <summary>The failures at or above <paramref name="failOn"/>: any of them makes lint exit non-zero.</summary>
    public IEnumerable<Finding> Blocking(Severity failOn) => Failures.Where(f => f.Rule.Severity >= failOn);

    public int Count(Verdict verdict) => Findings.Count(f => f.Outcome.Verdict == verdict);
}
