namespace Cruddur.Cli.Commands;

/// <summary>
/// The repository the CLI works in: where <c>.env</c> and the migrations folder are. The <c>./cruddur</c>
/// script sets CRUDDUR_ROOT to its own folder; run otherwise, it is the current folder.
/// </summary>
public static class RepositoryRoot
{
    public const string Variable = "CRUDDUR_ROOT";

    public static string Of(Func<string, string?> variable) =>
        variable(Variable) is { Length: > 0 } root ? Path.GetFullPath(root) : Environment.CurrentDirectory;
}
