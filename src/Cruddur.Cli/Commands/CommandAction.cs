using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Rds;
using Npgsql;

namespace Cruddur.Cli.Commands;

/// <summary>The edge where every failure becomes one red line and exit code 1 (the stack trace only with --verbose).</summary>
public static class CommandAction
{
    public static void Set(CliContext cli, Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (result, ct) =>
        {
            try
            {
                return await action(result, ct);
            }
            catch (Exception e) when (e is CruddurException or RdsException)
            {
                cli.Terminal.Error(e.Message);
                if (result.GetValue(cli.Options.Verbose)) cli.Terminal.Detail(e.ToString());
                return 1;
            }
            catch (NpgsqlException e)
            {
                cli.Terminal.Error(Describe(e));
                if (result.GetValue(cli.Options.Verbose)) cli.Terminal.Detail(e.ToString());
                return 1;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                cli.Terminal.Error("cancelled");
                return 130;
            }
            catch (Exception e)
            {
                // A bug or a failure nobody foresaw: still one line, the trace only on request.
                cli.Terminal.Error(KnownSecrets.Hide($"{e.Message} ({e.GetType().Name}; --verbose shows where)", cli.Variables));
                if (result.GetValue(cli.Options.Verbose)) cli.Terminal.Detail(KnownSecrets.Hide(e.ToString(), cli.Variables));
                return 1;
            }
        });

    // Npgsql's messages carry no connection string, so they are safe to show.
    static string Describe(NpgsqlException error) => error is PostgresException postgres
        ? $"the database refused: {postgres.MessageText} ({postgres.SqlState}); nothing was committed"
        : $"the database connection failed: {error.Message}";

    public static void Set(CliContext cli, Command command, Func<ParseResult, CancellationToken, Task> action) =>
        Set(cli, command, async (result, ct) =>
        {
            await action(result, ct);
            return 0;
        });
}
