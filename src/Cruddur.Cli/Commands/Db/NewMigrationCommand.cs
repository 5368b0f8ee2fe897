using System.CommandLine;
using System.Text.RegularExpressions;
using Cruddur.Cli.Output;
using Cruddur.Data;

namespace Cruddur.Cli.Commands.Db;

/// <summary>
/// Writes the next numbered <c>.sql</c> file into src/Cruddur.Chores/Migrations, where the build embeds it;
/// the <c>./cruddur</c> script rebuilds when a source file changes, so the next run applies it.
/// </summary>
public static partial class NewMigrationCommand
{
    static readonly string Folder = Path.Combine("src", "Cruddur.Chores", "Migrations");

    static readonly Argument<string> Name = new("NAME") { Description = "What the migration does, e.g. add_likes (lowercase letters, digits and _)" };

    [GeneratedRegex("^[a-z][a-z0-9_]{0,59}$")]
    private static partial Regex Allowed();

    [GeneratedRegex(@"^(\d{4})_(.+)\.sql$")]
    private static partial Regex Numbered();

    public static Command Build(CliContext cli)
    {
        var command = new Command("new", "Write the next numbered migration file, to fill in and apply with db migrate") { Name };
        CommandAction.Set(cli, command, (result, _) =>
        {
            Create(cli, result.GetValue(Name)!);
            return Task.CompletedTask;
        });
        return command;
    }

    static void Create(CliContext cli, string name)
    {
        cli.Terminal.Banner("db migrate new");
        if (!Allowed().IsMatch(name))
            throw new CruddurException($"migration name '{(name.Length > 40 ? name[..40] + "…" : name)}' is not allowed " +
                                       "(lowercase letters, digits and _, starting with a letter, at most 60; e.g. add_likes)");
        var folder = Path.Combine(RepositoryRoot.Of(cli.Variable), Folder);
        if (!Directory.Exists(folder))
            throw new CruddurException($"no {Folder} folder in {RepositoryRoot.Of(cli.Variable)} (run it from the repository, or through ./cruddur)");

        var existing = Directory.GetFiles(folder, "*.sql").Select(Path.GetFileName).Select(f => Numbered().Match(f!)).Where(m => m.Success).ToList();
        if (existing.FirstOrDefault(m => m.Groups[2].Value == name) is { } same)
            throw new CruddurException($"a migration named {name} exists already ({same.Value}; choose another name)");
        var number = existing.Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(0).Max() + 1;
        var file = $"{number:D4}_{name}.sql";
        using (var writer = new StreamWriter(new FileStream(Path.Combine(folder, file), FileMode.CreateNew)))
        {
            writer.WriteLine($"-- {number:D4} {name.Replace('_', ' ')}: one change, applied in its own transaction by cruddur db migrate.");
            writer.WriteLine("-- Once applied anywhere, this file is never edited: change the schema again with a new migration.");
        }
        cli.Terminal.Line($"Created: {Path.Combine(Folder, file)}");
        cli.Terminal.Line("Next: write its SQL, then run ./cruddur db migrate (the script rebuilds the CLI when a source changes)");
    }
}
