using Cruddur.Data;
using Cruddur.Data.Failures;
using System.Diagnostics;
using Cruddur.Chores.Admin;
using Cruddur.Data.Settings;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using Npgsql;

namespace Cruddur.Chores.Migrations;

/// <summary>
/// The schema as versioned migrations (DbUp): embedded <c>Migrations/*.sql</c>, a journal table,
/// each script in its own transaction. Only pending scripts run, so applying twice changes nothing.
/// </summary>
public sealed class Migrator(Database database)
{
    const string JournalSchema = "public";
    const string JournalTable = "schemaversions";

    /// <summary>What the journal says was applied, what this build would apply, and what was applied but is not in this build.</summary>
    public async Task<MigrationStatus> StatusAsync(CancellationToken ct)
    {
        await EnsureReachableAsync(ct);
        var scripts = Scripts();
        var engine = Builder(scripts).Build();
        var applied = engine.GetExecutedScripts().Select(ShortName).ToList();
        var known = scripts.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        return new MigrationStatus(
            applied,
            engine.GetScriptsToExecute().Select(s => ShortName(s.Name)).ToList(),
            applied.Where(name => !known.Contains(name)).ToList());
    }

    /// <summary>Applies the pending scripts in order, telling <paramref name="applied"/> about each one.</summary>
    public async Task<int> ApplyAsync(Action<string, TimeSpan> applied, CancellationToken ct)
    {
        await EnsureReachableAsync(ct);
        var pending = Builder(Scripts()).Build().GetScriptsToExecute();
        foreach (var script in pending)
        {
            var clock = Stopwatch.StartNew();
            var result = Builder([script]).Build().PerformUpgrade();
            if (!result.Successful)
                throw new CruddurException($"migration {ShortName(script.Name)} failed and was rolled back ({Describe(result.Error)})", result.Error);
            applied(ShortName(script.Name), clock.Elapsed);
        }
        return pending.Count;
    }

    // DbUp reports a refused connection as a generic failure: open one first so the error says why.
    async Task EnsureReachableAsync(CancellationToken ct)
    {
        await using var connection = await ConnectionFailure.OpenAsync(database, database.Settings, ct);
    }

    UpgradeEngineBuilder Builder(IEnumerable<SqlScript> scripts) =>
        DeployChanges.To
            .PostgresqlDatabase(new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { Pooling = false }.ConnectionString)
            .WithScripts(scripts)
            .WithTransactionPerScript()
            .JournalToPostgresqlTable(JournalSchema, JournalTable)
            .LogToNowhere();

    static List<SqlScript> Scripts()
    {
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new SqlScript(ShortName(n), reader.ReadToEnd());
            })
            .ToList();
    }

    static string ShortName(string resourceName)
    {
        var marker = resourceName.IndexOf(".Migrations.", StringComparison.Ordinal);
        return marker < 0 ? resourceName : resourceName[(marker + ".Migrations.".Length)..];
    }

    static string Describe(Exception error) => error is PostgresException postgres
        ? $"{postgres.SqlState}: {postgres.MessageText}"
        : error.Message;
}
