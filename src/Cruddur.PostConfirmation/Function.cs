using Cruddur.Data;
using Cruddur.PostConfirmation.Events;
using Cruddur.PostConfirmation.Users;

namespace Cruddur.PostConfirmation;

/// <summary>
/// The Cognito post-confirmation trigger. Lambda handler string:
/// <c>Cruddur.PostConfirmation::Cruddur.PostConfirmation.Function::HandleAsync</c> (runtime dotnet10).
/// Stream in and out needs no serializer, so no Amazon.Lambda package is referenced.
/// </summary>
public sealed class Function
{
    public static readonly string Handler =
        $"{typeof(Function).Assembly.GetName().Name}::{typeof(Function).FullName}::{nameof(HandleAsync)}";

    // One pooled data source per Lambda execution environment, reused by warm invocations.
    static readonly Lazy<Task<CognitoUsers>> FromEnvironment =
        new(async () => new CognitoUsers(await FunctionConnection.ResolveAsync(Environment.GetEnvironmentVariable, CancellationToken.None)));

    readonly Func<Task<CognitoUsers>> _users;
    readonly TextWriter _log;

    /// <summary>The constructor Lambda calls: CONNECTION_URL, logs on stderr (CloudWatch).</summary>
    public Function() : this(() => FromEnvironment.Value, Console.Error)
    {
    }

    /// <summary>For local runs (cruddur lambda invoke/serve) and tests: a given database and log.</summary>
    public Function(CognitoUsers users, TextWriter log) : this(() => Task.FromResult(users), log)
    {
    }

    Function(Func<Task<CognitoUsers>> users, TextWriter log)
    {
        _users = users;
        _log = log;
    }

    /// <summary>The Lambda entry point: the event in, the same event out, as Cognito requires.</summary>
    public Task<Stream> HandleAsync(Stream input) => InvokeAsync(input, CancellationToken.None);

    /// <summary>The same, cancellable: <c>cruddur lambda serve</c> passes the request's abort token.</summary>
    public async Task<Stream> InvokeAsync(Stream input, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, ct);
        var received = buffer.ToArray();
        try
        {
            await ApplyAsync(EventReader.Read(received), ct);
        }
        catch (CruddurException e)
        {
            await _log.WriteLineAsync($"post-confirmation failed: {e.Message}");
            throw;
        }
        return new MemoryStream(received, writable: false);
    }

    async Task ApplyAsync(PostConfirmationEvent received, CancellationToken ct)
    {
        switch (received.TriggerSource)
        {
            case TriggerSource.ConfirmSignUp:
                var user = CognitoUser.From(received);
                var inserted = await (await _users()).InsertAsync(user, ct);
                await _log.WriteLineAsync($"post-confirmation: cognito user {user.CognitoUserId} {(inserted ? "inserted" : "already present, unchanged")}");
                break;
            case TriggerSource.ConfirmForgotPassword:
                await _log.WriteLineAsync($"post-confirmation: password reset for {received.UserName ?? "(no userName)"}, nothing to write");
                break;
            case null:
                throw new CruddurException("the event has no triggerSource");
            default:
                throw new CruddurException(
                    $"unknown triggerSource '{received.TriggerSource}' (expected {TriggerSource.ConfirmSignUp} or {TriggerSource.ConfirmForgotPassword})");
        }
    }
}
