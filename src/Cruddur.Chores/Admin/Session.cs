namespace Cruddur.Chores.Admin;

/// <summary>One row of the document's db-sessions view of pg_stat_activity.</summary>
public sealed record Session(int ProcessId, string User, string Db, string ClientAddress, string App, string State);
