namespace Cruddur.Rds;

/// <summary>
/// An expected failure of an RDS command (bad input, a refused plan, the AWS CLI's error) whose message
/// is safe to show as it is; the CLI prints it as one red line, as it does a database chore's.
/// </summary>
public sealed class RdsException(string message, Exception? inner = null) : Exception(message, inner);
