using System.Diagnostics;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests;

/// <summary>The README's bash completion: bash runs cruddur-completion.bash as it would on Tab, against the real CLI.</summary>
public class CompletionTests : IDisposable
{
    readonly string _bin = Directory.CreateTempSubdirectory("cruddur-completion-").FullName;

    public CompletionTests()
    {
        var wrapper = Path.Combine(_bin, "cruddur");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet '{CliProcess.Dll}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    [Theory]
    [InlineData("cruddur d", "db")]
    [InlineData("cruddur db sta", "status")]
    [InlineData("cruddur db mig", "migrate")]
    [InlineData("cruddur db status --j", "--json")]
    [InlineData("cruddur db restore x.dump --fo", "--force")]
    [InlineData("cruddur local sta", "start\nstatus")]
    public async Task Tab_in_bash_completes_commands_and_options(string line, string expected)
    {
        var words = line.Split(' ');
        var script = $$"""
            source '{{Path.Combine(RepositoryFolder.Path, "cruddur-completion.bash")}}'
            COMP_LINE='{{line}}'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=({{line}}); COMP_CWORD={{words.Length - 1}}
            _cruddur_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var start = new ProcessStartInfo("bash", ["--norc", "-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = $"{_bin}:{Environment.GetEnvironmentVariable("PATH")}";
        using var bash = Process.Start(start)!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.Equal(expected + "\n", output);
    }
}
