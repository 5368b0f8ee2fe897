using Cruddur.Testing;

namespace Cruddur.Cli.Tests;

/// <summary>A command line that does not parse: one red line that names the problem, never a help page.</summary>
public class UsageErrorTests
{
    [Theory]
    [InlineData("frobnicate", "Error: unknown command 'frobnicate' for 'cruddur' (see: cruddur --help)")]
    [InlineData("db seeed", "Error: unknown command 'seeed' for 'cruddur db' (did you mean seed? see: cruddur db --help)")]
    [InlineData("loc", "Error: unknown command 'loc' for 'cruddur' (did you mean local? see: cruddur --help)")]
    [InlineData("db status --bogus", "Error: unknown option '--bogus' for 'cruddur db status' (see: cruddur db status --help)")]
    public async Task A_command_line_that_does_not_parse_is_one_line_saying_what_is_unknown(string commandLine, string expected)
    {
        var result = await InProcessCli.RunAsync(new Dictionary<string, string?>(), commandLine.Split(' '));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected + "\n", result.Stderr);
        Assert.DoesNotContain("Required command was not provided", result.Output);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task A_group_without_its_command_lists_the_commands_it_has()
    {
        var result = await InProcessCli.RunAsync(new Dictionary<string, string?>(), "db");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^Error: 'cruddur db' needs a command: create, drop, [a-z, -]+ \(see: cruddur db --help\)\n$", result.Stderr);
        Assert.Contains(" status,", result.Stderr);
    }

    [Fact]
    public async Task No_arguments_show_the_help()
    {
        var result = await InProcessCli.RunAsync(new Dictionary<string, string?>());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Commands:", result.Stdout);
        Assert.Equal("", result.Stderr);
    }
}
