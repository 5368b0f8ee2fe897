namespace Cruddur.Rds;

/// <summary>"2026-12-01 10:00 UTC, in 4 days": when a stopped instance comes back on its own.</summary>
public static class RestartTime
{
    public static string Describe(DateTimeOffset at, DateTimeOffset now)
    {
        var left = at - now;
        var relative = left <= TimeSpan.Zero ? "overdue"
            : left.TotalDays >= 1 ? $"in {(int)left.TotalDays} day{((int)left.TotalDays == 1 ? "" : "s")}"
            : $"in {(int)Math.Ceiling(left.TotalHours)} hour{(Math.Ceiling(left.TotalHours) == 1 ? "" : "s")}";
        return $"{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC, {relative}";
    }
}
