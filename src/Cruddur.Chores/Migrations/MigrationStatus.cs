namespace Cruddur.Chores.Migrations;

/// <summary>
/// The journal against this build: <paramref name="Applied"/> in the order they ran, <paramref name="Pending"/>
/// to run, and <paramref name="NotInBuild"/>, applied ones whose file was deleted or renamed since.
/// </summary>
public sealed record MigrationStatus(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> NotInBuild)
{
    public bool UpToDate => Pending.Count == 0 && NotInBuild.Count == 0;
}
