using System.Text.RegularExpressions;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests;

/// <summary>
/// Only the entry points read the process environment; everything below them is handed the variables
/// (the CLI's CliContext.Variables, the API's settings, the Lambda's connection), so a test can give its own.
/// </summary>
public partial class EnvironmentReadTests
{
    static readonly string[] EntryPoints =
    [
        "src/Cruddur.Cli/Program.cs",
        "src/Cruddur.Api/Program.cs",
        "src/Cruddur.PostConfirmation/Function.cs",
    ];

    [GeneratedRegex(@"\b(Get|Set|Expand)EnvironmentVariables?\b")]
    private static partial Regex EnvironmentAccess();

    [Fact]
    public void No_source_file_but_an_entry_point_reads_the_environment()
    {
        var readers = RepositoryFolder.SourceFiles("*.cs").Where(file => EnvironmentAccess().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(RepositoryFolder.Path, file).Replace('\\', '/'))
            .ToList();

        Assert.Empty(readers.Except(EntryPoints));
        Assert.Contains("src/Cruddur.Cli/Program.cs", readers); // the scan sees what it is looking for
    }
}
