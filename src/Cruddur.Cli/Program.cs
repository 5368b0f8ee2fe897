using System.CommandLine;
using Cruddur.Cli.Commands;
using Cruddur.Cli.Commands.Db;
using Cruddur.Cli.Commands.Local;

var root = new RootCommand("cruddur: the PostgreSQL and AWS RDS layer of Cruddur")
{
    CommonOptions.Verbose,
    UpCommand.Build(),
    ServeCommand.Build(),
    DbCommands.Build(),
    LocalCommands.Build(),
};
return await root.Parse(CommonOptions.WithProdWord(args)).InvokeAsync();
