using System.CommandLine;

namespace Cruddur.Cli.Commands.Lambda;

/// <summary>The Cognito post-confirmation function, run locally the way Lambda runs it, and packaged for Lambda.</summary>
public static class LambdaCommands
{
    /// <summary>The function's name on AWS, which <c>lambda serve</c> answers to.</summary>
    public const string FunctionName = "cruddur-post-confirmation";

    public static Command Build(CliContext cli) => new("lambda", "The Cognito post-confirmation Lambda: invoke, serve, package")
    {
        InvokeCommand.Build(cli),
        ServeCommand.Build(cli),
        PackageCommand.Build(cli),
    };
}
