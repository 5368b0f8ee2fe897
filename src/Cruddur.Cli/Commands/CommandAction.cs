using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Rds;
using Npgsql;

namespace Cruddur.Cli.Commands;

/// <summary>The edge where every failure becomes one red line and exit code 1 (the stack trace only with --verbose).</summary>
public static class CommandAction
{
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (result, ct) =>
        {
            try
            {
                return await action(result, ct);
            }
            catch (Exception e) when (e is CruddurException or RdsException)
            {
                Terminal.Console.Error(e.Message);
                if (result.GetValue(CommonOptions.Verbose)) Terminal.Console.Detail(e.ToString());
                return 1;
            }
            catch (NpgsqlException e)
            {
                Terminal.Console.Error(Describe(e));
                if (result.GetValue(CommonOptions.Verbose)) Terminal.Console.Detail(e.ToString());
                return 1;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Terminal.Console.Error("cancelled");
                return 130;
            }
            catch (Exception e)
            {
                // A bug or a failure nobody foresaw: still one line, the trace only on request.
                Terminal.Console.Error(KnownSecrets.Hide($"{e.Message} ({e.GetType().Name}; --verbose shows where)"));
                if (result.GetValue(CommonOptions.Verbose)) Terminal.Console.Detail(KnownSecrets.Hide(e.ToString()));
                return 1;
            }
        });

    // Npgsql's messages carry no connection string, so they are safe to show.
    static string Describe(NpgsqlException error) => error is PostgresException postgres
        ? $"the database refused: {postgres.MessageText} ({postgres.SqlState}); nothing was committed"
        : $"the database connection failed: {error.Message}";

    public static void Set(Command command, Func<ParseResult, CancellationToken, Task> action) =>
        Set(command, async (result, ct) =>
        {
            await action(result, ct);
            return 0;
        });
}
