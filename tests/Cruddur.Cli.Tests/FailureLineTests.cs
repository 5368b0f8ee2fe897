using Cruddur.Testing;
using Cruddur.Chores.Local;

namespace Cruddur.Cli.Tests;

/// <summary>Every failure of every command is one red line and exit code 1; the stack trace comes only with --verbose.</summary>
public class FailureLineTests
{
    [Theory]
    [InlineData("db status")]
    [InlineData("db create")]
    [InlineData("db seed")]
    [InlineData("db drop --force")]
    [InlineData("db sessions")]
    [InlineData("db schema-load")]
    [InlineData("up --no-api")]
    [InlineData("lambda invoke post-confirmation --event /nonexistent/event.json")]
    [InlineData("rds lint /nonexistent/template.yaml")]
    public async Task A_failing_command_is_one_line_without_a_trace(string commandLine)
    {
        var environment = new Dictionary<string, string?> { ["CONNECTION_URL"] = $"postgresql://postgres:Sup3rSecret@127.0.0.1:{FreePort.Find()}/cruddur" };

        var result = await CliProcess.RunAsync(environment, commandLine.Split(' '));

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^Error: [^\n]+\n$", result.Stderr);
        Assert.DoesNotContain("   at ", result.Output);
        Assert.DoesNotContain("Sup3rSecret", result.Output);
    }

    [Fact]
    public async Task An_unforeseen_failure_is_one_line_and_its_trace_comes_with_verbose()
    {
        // CRUDDUR_HOME naming a file: the local cluster cannot make its folder there.
        var file = Path.GetTempFileName();
        var environment = new Dictionary<string, string?> { ["CRUDDUR_HOME"] = file };

        var plain = await CliProcess.RunAsync(environment, "local", "start");
        var verbose = await CliProcess.RunAsync(environment, "local", "start", "--verbose");
        File.Delete(file);

        Assert.Equal(1, plain.ExitCode);
        Assert.Matches(@"^Error: [^\n]+\(IOException; --verbose shows where\)\n$", plain.Stderr);
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains("   at Cruddur.", verbose.Stderr);
    }

    [Fact]
    public async Task Up_on_a_busy_port_is_one_line_before_any_database_work()
    {
        using var busy = new OccupiedPort();
        var port = busy.Port;
        var home = Path.Combine(Path.GetTempPath(), $"cruddur-unused-{Guid.NewGuid():N}");

        var result = await CliProcess.RunAsync(new Dictionary<string, string?> { ["CRUDDUR_HOME"] = home }, "up", "--port", port.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: port {port} on 127.0.0.1 is already in use (pick another with --port)\n", result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.False(Directory.Exists(home));
    }
}
