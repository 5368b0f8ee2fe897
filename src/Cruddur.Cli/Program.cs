using System.CommandLine;
using Cruddur.Cli.Commands;
using Cruddur.Cli.Commands.Db;
using Cruddur.Cli.Commands.Lambda;
using Cruddur.Cli.Commands.Local;
using Cruddur.Cli.Commands.Rds;
using Cruddur.Cli.Commands.Users;
using Cruddur.Cli.Configuration;
using Cruddur.Cli.Output;
using Cruddur.Data;

try
{
    DotEnvFile.Load(Path.Combine(RepositoryRoot.Path, ".env"));
}
catch (CruddurException e)
{
    Terminal.Console.Error(e.Message);
    return 1;
}

var root = new RootCommand("cruddur: the PostgreSQL and AWS RDS layer of Cruddur")
{
    CommonOptions.Verbose,
    UpCommand.Build(),
    ServeApiCommand.Build(),
    DbCommands.Build(),
    LocalCommands.Build(),
    LambdaCommands.Build(),
    RdsCommands.Build(),
    UsersCommands.Build(),
};
var parsed = root.Parse(args.Length == 0 ? ["--help"] : CommonOptions.WithProdWord(args));
return parsed.Errors.Count > 0 ? UsageErrors.Report(parsed) : await parsed.InvokeAsync();
