namespace Cruddur.Rds.Lint;

/// <summary>Where the instance lives and whether it is still needed (practices 1 and 8).</summary>
public static partial class Checks
{
    static Outcome Region(RdsConfiguration c, LintContext context)
    {
        var fromZone = c.AvailabilityZone is { Length: > 1 } zone && char.IsLetter(zone[^1]) ? zone[..^1] : null;
        var created = fromZone ?? c.Region ?? (c.Kind == InputKind.Command ? context.DefaultRegion : null);
        if (created is null) return Outcome.NotApplicable("the stack's region decides");
        if (context.DefaultRegion is null)
            return Outcome.Unknown($"the instance is in {created}: compare it with your default region (AWS_REGION is not set here)");
        return created == context.DefaultRegion
            ? Outcome.Pass($"in {created}, your default region")
            : Outcome.Fail($"in {created}, but your default region is {context.DefaultRegion}");
    }

    static Outcome Idle(RdsConfiguration c, LintContext context)
    {
        if (c.Kind != InputKind.Describe) return Outcome.NotApplicable("only describe output shows the state");
        if (c.Status != "stopped") return Outcome.Pass($"status {c.Status ?? "unknown"}");
        var restart = c.AutomaticRestartTime is { } at ? $"; AWS will start it again at {RestartTime.Describe(at, context.Now)}" : "";
        return Outcome.Fail($"stopped{restart} (stopped instances restart after 7 days)");
    }
}
