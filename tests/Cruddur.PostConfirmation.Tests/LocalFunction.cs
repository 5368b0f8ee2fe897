using Cruddur.Data.Settings;
using Cruddur.PostConfirmation.Users;

namespace Cruddur.PostConfirmation.Tests;

/// <summary>The handler on a test database, with its log captured, called through the Lambda entry point.</summary>
public sealed class LocalFunction(Database database) : IAsyncDisposable
{
    readonly CognitoUsers _users = new(FunctionConnection.ForFunction(database));

    public StringWriter Log { get; } = new();

    public async Task<byte[]> InvokeAsync(byte[] received)
    {
        await using var output = await new Function(_users, Log).HandleAsync(new MemoryStream(received));
        using var copy = new MemoryStream();
        await output.CopyToAsync(copy);
        return copy.ToArray();
    }

    public ValueTask DisposeAsync() => _users.DisposeAsync();
}
