using System.Text.RegularExpressions;

namespace Cruddur.Data;

/// <summary>Database and role names: letters, digits and underscores only, then double-quoted.</summary>
public static partial class Identifier
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex Allowed();

    public static string Quote(string name) => $"\"{Validate(name)}\"";

    /// <summary>The name as given when it is allowed, for a program's argument list.</summary>
    public static string Validate(string name) =>
        Allowed().IsMatch(name)
            ? name
            : throw new CruddurException($"name '{Truncate(name)}' is not allowed (letters, digits and _ only, at most 63, not starting with a digit)");

    static string Truncate(string name) => name.Length > 40 ? name[..40] + "…" : name;
}
