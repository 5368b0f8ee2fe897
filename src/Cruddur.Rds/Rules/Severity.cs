namespace Cruddur.Rds.Rules;

/// <summary>Ordered so that a larger value is more serious: <c>finding.Severity &gt;= failOn</c> fails.</summary>
public enum Severity { Info, Low, Medium, High, Critical }

public static class SeverityNames
{
    public static string Name(this Severity severity) => severity.ToString().ToLowerInvariant();

    public static Severity Parse(string text) =>
        Enum.TryParse<Severity>(text, ignoreCase: true, out var severity) && !int.TryParse(text, out _)
            ? severity
            : throw new RdsException($"unknown severity '{text}' (use critical, high, medium, low or info)");
}
