using Cruddur.Rds.Rules;

namespace Cruddur.Rds.Lint;

public enum Verdict { Pass, Fail, Unknown, NotApplicable }

/// <summary>A rule's result on one instance, with the reason in words (cut short when an input value made it long).</summary>
public sealed record Outcome(Verdict Verdict, string Detail)
{
    const int MaxDetail = 1000;

    public static Outcome Pass(string detail) => new(Verdict.Pass, Inputs.InputLimits.Clip(detail, MaxDetail));
    public static Outcome Fail(string detail) => new(Verdict.Fail, Inputs.InputLimits.Clip(detail, MaxDetail));
    public static Outcome Unknown(string detail) => new(Verdict.Unknown, Inputs.InputLimits.Clip(detail, MaxDetail));
    public static Outcome NotApplicable(string detail) => new(Verdict.NotApplicable, Inputs.InputLimits.Clip(detail, MaxDetail));
}

/// <summary>What a check may need beyond the configuration: the caller's default region and the clock.</summary>
public sealed record LintContext(string? DefaultRegion, DateTimeOffset Now)
{
    public static LintContext FromEnvironment(Func<string, string?> variable) => new(
        new[] { "AWS_REGION", "AWS_DEFAULT_REGION" }.Select(variable).FirstOrDefault(v => !string.IsNullOrEmpty(v)),
        DateTimeOffset.UtcNow);
}

/// <summary>One rule evaluated on one instance; a failure may have been accepted on purpose.</summary>
public sealed record Finding(string Instance, InputKind Kind, Rule Rule, Outcome Outcome, string? AcceptedReason)
{
    public bool IsFailure => Outcome.Verdict == Verdict.Fail && AcceptedReason is null;
    public bool IsAccepted => Outcome.Verdict == Verdict.Fail && AcceptedReason is not null;
    public bool IsUnknown => Outcome.Verdict == Verdict.Unknown;

    /// <summary>The verdict as reports spell it: fail, accepted, unknown, pass, not-applicable.</summary>
    public string Status => IsAccepted ? "accepted" : Outcome.Verdict switch
    {
        Verdict.Fail => "fail",
        Verdict.Unknown => "unknown",
        Verdict.Pass => "pass",
        _ => "not-applicable",
    };

    /// <summary>The fix in the words of the input: template properties for a template, CLI flags otherwise.</summary>
    public string Fix => Kind == InputKind.CloudFormation ? Rule.TemplateFix : Rule.Fix;
}
