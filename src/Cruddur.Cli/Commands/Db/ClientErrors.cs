namespace Cruddur.Cli.Commands.Db;

/// <summary>What pg_dump and pg_restore said last on stderr, without their "pg_dump: error:" prefix.</summary>
public static class ClientErrors
{
    public static string Last(IReadOnlyList<string> lines)
    {
        var last = lines.LastOrDefault(l => l.Contains("error:", StringComparison.Ordinal)) ?? lines.LastOrDefault(l => l.Trim().Length > 0);
        if (last is null) return "no output";
        var marker = last.IndexOf("error: ", StringComparison.Ordinal);
        return (marker >= 0 ? last[(marker + "error: ".Length)..] : last).Trim();
    }
}
