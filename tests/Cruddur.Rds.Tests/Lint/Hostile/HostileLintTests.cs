using System.Diagnostics;
using Cruddur.Testing;

namespace Cruddur.Rds.Tests.Lint.Hostile;

/// <summary>
/// <c>rds lint</c> on files it did not write, in this process. The tests run alone (no other test holds
/// memory meanwhile) in a program with a hard 512 MiB heap, so an unbounded allocation fails the test as
/// the out-of-memory error it would be; a lint still going after a minute fails it as a hang. Every input
/// ends in a finding set or in one red line. The command-line edge cases run as a process with a 256 MiB heap.
/// </summary>
[Collection(Name)]
public sealed class HostileLintTests : IDisposable
{
    public const string Name = "hostile lint, alone";

    readonly string _dir = Directory.CreateTempSubdirectory("cruddur-hostile-lint-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static readonly Dictionary<string, string?> Bounded = new(RdsCli.NoRegion)
    {
        ["DOTNET_GCHeapHardLimit"] = "0x10000000",
    };

    [Fact]
    public void The_corpus_holds_at_least_50_files()
    {
        Assert.True(HostileLintCorpus.Inputs.Count >= 50, $"the corpus holds {HostileLintCorpus.Inputs.Count} files");
    }

    [Theory]
    [MemberData(nameof(HostileLintCorpus.Names), MemberType = typeof(HostileLintCorpus))]
    public async Task A_hostile_file_gets_a_finding_set_or_one_red_line(string name)
    {
        var input = HostileLintCorpus.Inputs[name];
        var path = Path.Combine(_dir, "input");
        await File.WriteAllBytesAsync(path, input.Bytes());

        var lint = Task.Run(() => RdsCli.RunAsync(RdsCli.NoRegion, "rds", "lint", path));
        Assert.True(await Task.WhenAny(lint, Task.Delay(TimeSpan.FromMinutes(1))) == lint, "rds lint did not answer within a minute");
        var (exitCode, stdout, stderr) = await lint;

        Assert.DoesNotContain("Exception", stdout + stderr);
        Assert.DoesNotContain("   at ", stderr);
        if (input.Error is { } error)
        {
            Assert.Equal(1, exitCode);
            Assert.Equal("", stdout);
            Assert.StartsWith(error, stderr);
            Assert.Single(stderr.TrimEnd('\n').Split('\n'));
            return;
        }
        Assert.True(exitCode is 0 or 2, $"exit {exitCode}: {stderr}");
        Assert.Equal("", stderr);
        Assert.Contains("\nSummary: ", stdout);
        Assert.DoesNotContain('\u001b', stdout);
    }

    [Fact]
    public async Task A_path_argument_of_100_KB_is_one_red_line_that_does_not_repeat_it()
    {
        var (exitCode, stdout, stderr) = await LintAsync(new string('p', 100_000));

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.Matches(@"^Error: cannot read p{200}… \((the path is too long|no such file)\)\n$", stderr);
    }

    [Fact]
    public async Task A_directory_is_named_as_one()
    {
        var (exitCode, _, stderr) = await LintAsync(_dir);

        Assert.Equal(1, exitCode);
        Assert.Equal($"Error: cannot read {_dir} (a directory; give a file)\n", stderr);
    }

    [Fact]
    public async Task Stdin_of_5_MiB_is_refused_like_a_file()
    {
        var (exitCode, stdout, stderr) = await LintAsync("-", new string(' ', 5 * 1024 * 1024));

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.StartsWith("Error: the input is larger than 4 MiB", stderr);
    }

    static async Task<(int ExitCode, string Stdout, string Stderr)> LintAsync(string path, string? stdin = null)
    {
        using var process = Process.Start(CliProcess.StartInfo(Bounded, "rds", "lint", path))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // lint stops reading at its limit and exits; the rest of the input meets a closed pipe.
        }
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(hang.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("rds lint did not answer within a minute");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}

[CollectionDefinition(HostileLintTests.Name, DisableParallelization = true)]
public sealed class HostileLintCollection;
