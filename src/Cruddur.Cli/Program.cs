using System.Collections;
using Cruddur.Cli;
using Cruddur.Cli.Commands;
using Cruddur.Cli.Configuration;
using Cruddur.Cli.Output;
using Cruddur.Data;

// The one place the CLI reads its process environment; every command gets it as CliContext.Variables.
try
{
    // .env goes into the process environment too, so that what reads it on its own (the AWS SDK's
    // credential chain, and the tools the CLI starts) sees it as well. The real environment wins.
    foreach (var (name, value) in DotEnvFile.Read(Path.Combine(RepositoryRoot.Of(Environment.GetEnvironmentVariable), ".env")))
        if (Environment.GetEnvironmentVariable(name) is null) Environment.SetEnvironmentVariable(name, value);
}
catch (CruddurException e)
{
    Terminal.ForConsole(Environment.GetEnvironmentVariable).Error(e.Message);
    return 1;
}

var variables = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
    .ToDictionary(variable => (string)variable.Key, variable => (string?)variable.Value ?? "");
var cli = new CliContext(Terminal.ForConsole(variables.GetValueOrDefault), variables)
{
    InputIsRedirected = Console.IsInputRedirected,
    OpenInput = Console.OpenStandardInput,
};
return await CruddurCli.RunAsync(args, cli);
