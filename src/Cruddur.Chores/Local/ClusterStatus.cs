namespace Cruddur.Chores.Local;

public sealed record ClusterStatus(bool Initialized, bool Running, int? Port, string DataDirectory);
