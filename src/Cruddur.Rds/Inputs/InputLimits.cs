namespace Cruddur.Rds.Inputs;

/// <summary>
/// How much lint reads, so that a file it did not write (a pull request's template, in CI) cannot make
/// it hang or exhaust memory: every limit is far above a real input and stops a hostile one early.
/// </summary>
public static class InputLimits
{
    /// <summary>CloudFormation takes templates of at most 1 MB; describe output of a large account can be a few.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>CloudFormation's own quota per template.</summary>
    public const int MaxResources = 500;

    /// <summary>DB instances checked in one run, whatever the input (the same figure as the template quota).</summary>
    public const int MaxInstances = 500;

    /// <summary>Nesting levels of JSON or YAML (System.Text.Json's default; templates need under 20).</summary>
    public const int MaxDepth = 64;

    /// <summary>YAML nodes after aliases are expanded: a real template has a few thousand, a YAML bomb billions.</summary>
    public const int MaxYamlNodes = 500_000;

    /// <summary><c>aws rds</c> commands in one script.</summary>
    public const int MaxCommands = 5_000;

    /// <summary>Characters of an input value a name or a finding repeats (RDS and CloudFormation names stop at 255).</summary>
    public const int MaxShown = 255;

    /// <summary>The text, cut to <see cref="MaxShown"/> characters when an input made it longer.</summary>
    public static string Clip(string text, int max = MaxShown) => text.Length <= max ? text : $"{text[..max]}…";
}
