namespace Cruddur.Data;

/// <summary>
/// An expected failure (bad input, a refused command, a server that is down) whose message is safe
/// to show as it is: it never carries a password.
/// </summary>
public sealed class CruddurException(string message, Exception? inner = null) : Exception(message, inner);
