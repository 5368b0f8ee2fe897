namespace Cruddur.Data.Local;

public sealed record ClusterStatus(bool Initialized, bool Running, int? Port, string DataDirectory);
