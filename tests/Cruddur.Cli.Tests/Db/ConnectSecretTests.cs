using System.Diagnostics;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests.Db;

/// <summary>The document's db-connect runs <c>psql $CONNECTION_URL</c>, putting the password in argv for anyone to read.</summary>
public class ConnectSecretTests(PostgresServer server)
{
    [Fact]
    public async Task Connect_does_not_pass_the_password_to_psql_on_its_command_line()
    {
        var database = await server.CreateDatabaseAsync(nameof(Connect_does_not_pass_the_password_to_psql_on_its_command_line));
        using var cli = Process.Start(CliProcess.StartInfo(CliEnvironment.Local(database), "db", "connect"))!;
        await cli.StandardInput.WriteLineAsync("SELECT pg_sleep(30);");
        await cli.StandardInput.FlushAsync();

        var psql = await ChildNamedAsync(cli.Id, "psql");
        var arguments = await File.ReadAllTextAsync($"/proc/{psql}/cmdline");
        var environment = (await File.ReadAllTextAsync($"/proc/{psql}/environ")).Split('\0');
        cli.Kill(entireProcessTree: true);

        Assert.DoesNotContain(database.Settings.Password!, arguments);
        Assert.DoesNotContain(environment, e => e.Contains(database.Settings.Password!));
        Assert.DoesNotContain(environment, e => e.StartsWith("PGPASSWORD="));
        Assert.Contains(environment, e => e.StartsWith("PGPASSFILE="));
    }

    static async Task<int> ChildNamedAsync(int parent, string name)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var child = Children(parent).FirstOrDefault(pid => File.ReadAllText($"/proc/{pid}/comm").Trim() == name);
            if (child != 0) return child;
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"no {name} child of {parent} appeared");
    }

    static IEnumerable<int> Children(int pid) =>
        Directory.EnumerateDirectories($"/proc/{pid}/task")
            .SelectMany(task => File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(int.Parse);
}
