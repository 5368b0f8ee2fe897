using Spectre.Console;

namespace Cruddur.Cli.Output;

/// <summary>
/// The CLI's voice: a cyan <c>== label</c> banner per step (the document's style), one plain line per
/// action on stdout, one red <c>Error:</c> line on stderr. Colour only where the caller allows it
/// (<see cref="ForConsole"/>: a terminal without NO_COLOR).
/// </summary>
public sealed class Terminal(TextWriter output, TextWriter error, bool colourOut = false, bool colourError = false)
{
    const string Cyan = "\e[1;36m", Yellow = "\e[33m", Red = "\e[31m", Reset = "\e[0m";

    int _step, _steps;

    /// <summary>The process's own console, coloured where it is a terminal and NO_COLOR is unset.</summary>
    public static Terminal ForConsole(Func<string, string?> variable)
    {
        var allowed = string.IsNullOrEmpty(variable("NO_COLOR"));
        return new(Console.Out, Console.Error, allowed && !Console.IsOutputRedirected, allowed && !Console.IsErrorRedirected);
    }

    /// <summary>stdout as it is, for output that is data (a script, JSON, a token), never painted.</summary>
    public TextWriter Output => output;

    /// <summary>stderr as it is, for a log another component writes.</summary>
    public TextWriter ErrorOutput => error;

    /// <summary>A terminal that may redraw a line (a spinner); otherwise output is plain lines only.</summary>
    public bool IsInteractive => colourOut;

    /// <summary>The next <paramref name="steps"/> banners say how far along they are: <c>== db seed (3/5)</c>.</summary>
    public void CountSteps(int steps) => (_step, _steps) = (0, steps);

    public void Banner(string label)
    {
        var count = _step < _steps ? $" ({++_step}/{_steps})" : "";
        output.WriteLine(Paint(colourOut, Cyan, $"== {label}{count}"));
    }

    public void Line(string text) => output.WriteLine(text);

    public void Warn(string text) => output.WriteLine(Paint(colourOut, Yellow, text));

    public void Error(string text) => error.WriteLine(Paint(colourError, Red, $"Error: {text}"));

    public void Detail(string text) => error.WriteLine(text);

    public void Table(Table table)
    {
        var console = Spectre();
        console.Profile.Width = Math.Max(console.Profile.Width, 160);
        console.Write(table);
    }

    /// <summary>Spectre.Console on stdout, coloured only where this terminal is.</summary>
    public IAnsiConsole Spectre() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        ColorSystem = colourOut ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = colourOut ? InteractionSupport.Yes : InteractionSupport.No,
    });

    static string Paint(bool colour, string code, string text) => colour ? $"{code}{text}{Reset}" : text;
}
