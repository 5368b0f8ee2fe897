using System.Collections;
using Cruddur.Cli;
using Cruddur.Cli.Commands;
using Cruddur.Cli.Configuration;
using Cruddur.Cli.Output;
using Cruddur.Data;

try
{
    // Into the process environment, so that the tools the CLI starts (psql, pg_dump, aws) see it too.
    DotEnvFile.Load(Path.Combine(RepositoryRoot.Of(Environment.GetEnvironmentVariable), ".env"));
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
