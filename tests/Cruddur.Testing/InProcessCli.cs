using System.Collections;
using System.Text;
using Cruddur.Cli;
using Cruddur.Cli.Output;

namespace Cruddur.Testing;

/// <summary>
/// The CLI called in this process, with the same environment rules and result as <see cref="CliProcess"/>:
/// for commands that start no child process and touch no process-wide state, without the cost of one.
/// </summary>
public static class InProcessCli
{
    public static async Task<CliProcess.Result> RunWithInputAsync(IReadOnlyDictionary<string, string?> environment, string? stdin, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var cli = new CliContext(new Terminal(stdout, stderr), Variables(environment))
        {
            OpenInput = () => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? "")),
        };
        var exitCode = await CruddurCli.RunAsync(args, cli);
        return new CliProcess.Result(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliProcess.Result> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunWithInputAsync(environment, null, args);

    // As CliProcess.StartInfo sets them: this process's variables, no colour, no database URL, no .env.
    static Dictionary<string, string> Variables(IReadOnlyDictionary<string, string?> environment)
    {
        var variables = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(variable => (string)variable.Key, variable => (string?)variable.Value ?? "");
        variables["NO_COLOR"] = "1";
        variables.Remove("CONNECTION_URL");
        variables.Remove("PROD_CONNECTION_URL");
        variables["CRUDDUR_ROOT"] = Path.Combine(Path.GetTempPath(), "cruddur-tests-have-no-repository");
        foreach (var (key, value) in environment)
        {
            if (value is null) variables.Remove(key);
            else variables[key] = value;
        }
        return variables;
    }
}
