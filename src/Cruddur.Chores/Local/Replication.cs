namespace Cruddur.Chores.Local;

/// <summary>
/// A cluster's streaming replication: the login its standbys use, whether commits wait for one of them
/// (as RDS Multi-AZ does), and the standbys, each named after its data folder.
/// </summary>
sealed record Replication(string Password, bool Synchronous, IReadOnlyList<StandbyState> Standbys)
{
    public const string User = "cruddur_replication";
}

sealed record StandbyState(string Name, int Port);
