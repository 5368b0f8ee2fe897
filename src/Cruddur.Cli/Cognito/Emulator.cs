using System.Diagnostics;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Chores.Local;

namespace Cruddur.Cli.Cognito;

/// <summary>
/// cognito-local (npm), the local Cognito: installed on first use under <c>.cruddur/cognito-local</c>,
/// run with node on 127.0.0.1 and a free port, its data under <c>.cruddur/cognito</c>, its
/// PostConfirmation trigger pointed at our Lambda's Invoke API. Stopped when disposed.
/// </summary>
public sealed class Emulator : IAsyncDisposable
{
    public const string Package = "cognito-local@5.3.0";
    public const string InstallVariable = "CRUDDUR_COGNITO_LOCAL";

    readonly Process _node;

    Emulator(Process node, CognitoClient client) => (_node, Client) = (node, client);

    public CognitoClient Client { get; }

    /// <summary>The folders it makes in the cruddur home, which <c>local destroy</c> removes too.</summary>
    public static readonly string[] FoldersInHome = [DataFolderName, InstallFolderName];
    const string DataFolderName = "cognito", InstallFolderName = "cognito-local";

    /// <summary>Where its users and pools live between runs.</summary>
    public static string DataFolder(string home) => Path.Combine(home, DataFolderName);

    public static async Task<Emulator> StartAsync(CliContext cli, string home, Uri lambda, string postConfirmationFunction, CancellationToken ct)
    {
        var start = await InstallAsync(cli, home, ct);
        var data = DataFolder(home);
        Directory.CreateDirectory(Path.Combine(data, ".cognito"));
        var port = FreePort.Find();
        var endpoint = new Uri($"http://127.0.0.1:{port}");
        await File.WriteAllTextAsync(Path.Combine(data, ".cognito", "config.json"), JsonSerializer.Serialize(new
        {
            LambdaClient = new { endpoint = lambda.AbsoluteUri.TrimEnd('/'), region = "local", credentials = new { accessKeyId = "local", secretAccessKey = "local" } },
            TriggerFunctions = new { PostConfirmation = postConfirmationFunction },
            TokenConfig = new { IssuerDomain = endpoint.AbsoluteUri.TrimEnd('/') },
        }), ct);
        var info = new ProcessStartInfo("node") { WorkingDirectory = data, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(start);
        info.Environment["HOST"] = "127.0.0.1";
        info.Environment["PORT"] = port.ToString();
        var node = Process.Start(info) ?? throw new CruddurException("cannot start node for the local Cognito");
        var log = new List<string>();
        node.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.Add(e.Data); };
        node.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.Add(e.Data); };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        var emulator = new Emulator(node, new CognitoClient(endpoint));
        for (var waited = 0; !await emulator.Client.IsUpAsync(ct); waited += 100)
        {
            if (node.HasExited || waited > 30_000)
            {
                await emulator.DisposeAsync();
                lock (log) throw new CruddurException($"the local Cognito did not start ({string.Join(" ", log.TakeLast(3))})");
            }
            await Task.Delay(100, ct);
        }
        return emulator;
    }

    // npm installs into a fresh folder that is then renamed into place, so two first runs cannot leave half an install.
    static async Task<string> InstallAsync(CliContext cli, string home, CancellationToken ct)
    {
        var folder = cli.Variable(InstallVariable) is { Length: > 0 } given ? given : Path.Combine(home, InstallFolderName);
        var start = Path.Combine(folder, "node_modules", "cognito-local", "lib", "bin", "start.js");
        if (File.Exists(start)) return start;
        cli.Terminal.Line($"Installing: {Package} into {folder}");
        var staging = $"{folder}.{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        BufferedCommandResult npm;
        try
        {
            npm = await CliWrap.Cli.Wrap("npm")
                .WithArguments(["install", "--prefix", staging, "--no-audit", "--no-fund", "--loglevel=error", Package])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(ct);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new CruddurException("npm is not installed; the local Cognito needs Node.js (apt-get install nodejs npm, or pass --no-cognito)", e);
        }
        if (npm.ExitCode != 0) throw new CruddurException($"npm install {Package} failed ({npm.StandardError.Trim()})");
        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (File.Exists(start))
        {
            Directory.Delete(staging, recursive: true);
        }
        return start;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_node.HasExited) _node.Kill(entireProcessTree: true);
        await _node.WaitForExitAsync();
        _node.Dispose();
    }
}
