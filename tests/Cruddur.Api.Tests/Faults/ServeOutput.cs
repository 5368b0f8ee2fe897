using System.Diagnostics;

namespace Cruddur.Api.Tests.Faults;

/// <summary>What <c>cruddur serve</c> prints, read line by line as it comes.</summary>
static class ServeOutput
{
    /// <summary>Reads stdout into <paramref name="lines"/> until a wanted line (returned), failing if serve ends first.</summary>
    public static async Task<string> ReadUntilAsync(Process process, List<string> lines, Func<string, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
            if (wanted(line)) return line;
        }
        Assert.Fail($"cruddur serve ended before the expected line; it printed:\n{string.Join('\n', lines)}\n{await process.StandardError.ReadToEndAsync()}");
        return "";
    }
}
