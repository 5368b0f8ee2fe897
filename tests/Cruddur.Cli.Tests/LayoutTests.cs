using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests;

/// <summary>The README's Layout diagram is the projects' references, no more and no fewer.</summary>
public partial class LayoutTests
{
    [GeneratedRegex(@"^\s+(\w+) --> (\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Arrow();

    [Fact]
    public void The_readme_diagram_draws_every_project_reference_of_src()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFolder.Path, "README.md"));
        var start = readme.IndexOf("## Layout", StringComparison.Ordinal);
        var diagram = readme[readme.IndexOf("```mermaid", start, StringComparison.Ordinal)..];
        diagram = diagram[..diagram.IndexOf("\n```\n", StringComparison.Ordinal)];

        var drawn = Arrow().Matches(diagram).Select(m => $"Cruddur.{m.Groups[1].Value} -> Cruddur.{m.Groups[2].Value}").Order().ToList();

        Assert.Equal(ProjectReferences().Order().ToList(), drawn);
    }

    [Fact]
    public void The_rds_assembly_references_no_database_code()
    {
        var referenced = typeof(Rds.RdsException).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain(referenced, name => name is "Npgsql" or "Cruddur.Data" or "Cruddur.Chores" or "dbup-core");
        Assert.Contains("YamlDotNet", referenced);
    }

    static IEnumerable<string> ProjectReferences()
    {
        foreach (var project in Directory.GetFiles(Path.Combine(RepositoryFolder.Path, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var name = Path.GetFileNameWithoutExtension(project);
            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
                yield return $"{name} -> {Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value)}";
        }
    }
}
