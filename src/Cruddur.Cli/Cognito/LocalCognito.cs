using Cruddur.Cli.Commands.Lambda;
using Cruddur.Cli.Output;
using Cruddur.Data.Settings;
using Cruddur.PostConfirmation;
using Cruddur.PostConfirmation.Users;
using Microsoft.AspNetCore.Builder;

namespace Cruddur.Cli.Cognito;

/// <summary>
/// The sign-up flow of <c>cruddur up</c>: the post-confirmation Lambda served in-process behind Lambda's
/// Invoke API, cognito-local with its PostConfirmation trigger pointed at it, the pool and app client,
/// and the seeded users made able to sign in.
/// </summary>
public sealed class LocalCognito : IAsyncDisposable
{
    readonly WebApplication _lambda;
    readonly CognitoUsers _users;
    readonly Emulator _emulator;

    LocalCognito(WebApplication lambda, CognitoUsers users, Emulator emulator, LocalPool pool) =>
        (_lambda, _users, _emulator, Pool) = (lambda, users, emulator, pool);

    public LocalPool Pool { get; }

    public static async Task<LocalCognito> StartAsync(CliContext cli, Database database, string home, CancellationToken ct)
    {
        cli.Terminal.Banner("cognito");
        var users = new CognitoUsers(FunctionConnection.ForFunction(database));
        var lambda = InvokeApi.Build(new Function(users, cli.Terminal.ErrorOutput), 0);
        await lambda.StartAsync(ct);
        Emulator? emulator = null;
        try
        {
            var lambdaUrl = new Uri(lambda.Urls.Single());
            emulator = await Emulator.StartAsync(cli, home, lambdaUrl, LambdaCommands.FunctionName, ct);
            var pool = await LocalPool.EnsureAsync(emulator.Client, home, ct);
            cli.Terminal.Line($"Lambda: {lambdaUrl} ({LambdaCommands.FunctionName}, the PostConfirmation trigger)");
            cli.Terminal.Line($"Cognito: {pool.Endpoint} (cognito-local), user pool {pool.UserPoolId}, app client {pool.ClientId}");
            var seeded = await LocalUsers.AddSeededAsync(database, pool, emulator.Client, home, ct);
            if (seeded.Count > 0) cli.Terminal.Line($"Signed up: {string.Join(", ", seeded)} (the seed's users; passwords in {Emulator.DataFolder(home)}/users.json)");
            return new LocalCognito(lambda, users, emulator, pool);
        }
        catch
        {
            // Leave no node process or listening port behind when a step of the start fails.
            if (emulator is not null) await emulator.DisposeAsync();
            await lambda.DisposeAsync();
            await users.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        await _lambda.DisposeAsync();
        await _users.DisposeAsync();
    }
}
