using System.Text;

namespace Cruddur.Rds.Tests.Lint.Hostile;

/// <summary>
/// One file of the hostile corpus: its bytes, made when the test runs (the big ones are megabytes),
/// and what lint must answer: a finding set, or one red line starting with <see cref="Error"/>.
/// </summary>
public sealed record HostileInput(Func<byte[]> Bytes, string? Error)
{
    public static HostileInput Findings(string text) => new(() => Encoding.UTF8.GetBytes(text), null);
    public static HostileInput Findings(Func<string> text) => new(() => Encoding.UTF8.GetBytes(text()), null);
    public static HostileInput Findings(Func<byte[]> bytes) => new(bytes, null);
    public static HostileInput Refused(string text, string error) => new(() => Encoding.UTF8.GetBytes(text), error);
    public static HostileInput Refused(Func<string> text, string error) => new(() => Encoding.UTF8.GetBytes(text()), error);
    public static HostileInput Refused(Func<byte[]> bytes, string error) => new(bytes, error);

    /// <summary>A minimal PostgreSQL instance; <paramref name="properties"/> are more lines under Properties.</summary>
    public static string Template(string properties = "") =>
        $"Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      EngineVersion: '16.3'\n{properties}";

    public static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();
}
