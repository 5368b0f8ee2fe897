using Spectre.Console;

namespace Cruddur.Cli.Output;

/// <summary>
/// The CLI's voice: a cyan <c>== label</c> banner per step (the document's style), one plain line per
/// action on stdout, one red <c>Error:</c> line on stderr. Colour only on a terminal without NO_COLOR.
/// </summary>
public sealed class Terminal
{
    const string Cyan = "\e[1;36m", Yellow = "\e[33m", Red = "\e[31m", Reset = "\e[0m";

    public static readonly Terminal Console = new();

    static bool ColourAllowed => string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
    readonly bool _colourOut = ColourAllowed && !System.Console.IsOutputRedirected;
    readonly bool _colourError = ColourAllowed && !System.Console.IsErrorRedirected;
    int _step, _steps;

    /// <summary>A terminal that may redraw a line (a spinner); otherwise output is plain lines only.</summary>
    public bool IsInteractive => _colourOut;

    /// <summary>The next <paramref name="steps"/> banners say how far along they are: <c>== db seed (3/5)</c>.</summary>
    public void CountSteps(int steps) => (_step, _steps) = (0, steps);

    public void Banner(string label)
    {
        var count = _step < _steps ? $" ({++_step}/{_steps})" : "";
        System.Console.Out.WriteLine(Paint(_colourOut, Cyan, $"== {label}{count}"));
    }

    public void Line(string text) => System.Console.Out.WriteLine(text);

    public void Warn(string text) => System.Console.Out.WriteLine(Paint(_colourOut, Yellow, text));

    public void Error(string text) => System.Console.Error.WriteLine(Paint(_colourError, Red, $"Error: {text}"));

    public void Detail(string text) => System.Console.Error.WriteLine(text);

    public void Table(Table table)
    {
        var console = Spectre();
        console.Profile.Width = Math.Max(console.Profile.Width, 160);
        console.Write(table);
    }

    /// <summary>Spectre.Console on stdout, coloured only where this terminal is.</summary>
    public IAnsiConsole Spectre() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(System.Console.Out),
        ColorSystem = _colourOut ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = _colourOut ? InteractionSupport.Yes : InteractionSupport.No,
    });

    static string Paint(bool colour, string code, string text) => colour ? $"{code}{text}{Reset}" : text;
}
