using Cruddur.Rds.Inputs;
using Cruddur.Rds.Rules;

namespace Cruddur.Rds.Lint;

/// <summary>Evaluates every rule of <see cref="RuleTable"/> (kept in severity order) on every instance, replica and proxy it applies to.</summary>
public static class Linter
{
    public static LintReport Lint(LintInput input, LintContext context)
    {
        var findings =
            from instance in input.Instances
            from rule in RuleTable.All
            where rule.AppliesTo.HasFlag(instance.Target)
            let outcome = Checks.For(rule.Id)(instance, context)
            let accepted = outcome.Verdict == Verdict.Fail ? instance.Accepted.GetValueOrDefault(rule.Id) : null
            select new Finding(instance.Name, instance.Kind, rule, outcome, accepted);
        return new LintReport(findings.ToList(), input.Notes);
    }
}
