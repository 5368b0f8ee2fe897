using System.Diagnostics;
using Spectre.Console;

namespace Cruddur.Cli.Output;

/// <summary>
/// Long work with a visible pulse: on a terminal a Spectre.Console spinner names what runs and for how
/// long; otherwise (a pipe, a log, NO_COLOR) the same news comes as plain lines, with no ANSI codes.
/// The work reports lines worth keeping (<c>Waiting: ...</c>, <c>Repairing: ...</c>) through its argument.
/// </summary>
public static class Progress
{
    public static async Task<T> RunAsync<T>(Terminal terminal, string status, Func<Action<string>, Task<T>> work)
    {
        if (!terminal.IsInteractive) return await work(terminal.Line);
        var console = terminal.Spectre();
        var clock = Stopwatch.StartNew();
        return await console.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(status), async context =>
        {
            using var ticker = new Timer(_ => context.Status($"{Markup.Escape(status)} [grey]{clock.Elapsed.TotalSeconds:0} s[/]"), null, 1000, 1000);
            return await work(line => console.WriteLine(line));
        });
    }

    public static Task RunAsync(Terminal terminal, string status, Func<Action<string>, Task> work) =>
        RunAsync(terminal, status, async report =>
        {
            await work(report);
            return true;
        });
}
