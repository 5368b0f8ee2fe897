using System.Security.Cryptography;
using System.Text.Json;
using Cruddur.Api.Auth;
using Cruddur.Data;

namespace Cruddur.Cli.Cognito;

/// <summary>
/// The user pool and app client on the local Cognito, as the frontend's pool is configured (email as the
/// user name), remembered in <c>.cruddur/cognito/pool.json</c> so that <c>cruddur users</c> finds them.
/// </summary>
public sealed record LocalPool(Uri Endpoint, string UserPoolId, string ClientId)
{
    const string PoolName = "cruddur";
    const string ClientName = "cruddur-frontend";

    public CognitoSettings Cognito => CognitoSettings.For(UserPoolId, ClientId, null, Endpoint);

    static string StateFile(string home) => Path.Combine(Emulator.DataFolder(home), "pool.json");

    /// <summary>The pool and client, created on the first run and found again on later ones.</summary>
    public static async Task<LocalPool> EnsureAsync(CognitoClient cognito, string home, CancellationToken ct)
    {
        var pools = await cognito.CallAsync("ListUserPools", new { MaxResults = 60 }, ct);
        var poolId = pools["UserPools"]!.AsArray().FirstOrDefault(p => p!["Name"]?.GetValue<string>() == PoolName)?["Id"]?.GetValue<string>()
            ?? CognitoClient.Text(await cognito.CallAsync("CreateUserPool", new { PoolName, UsernameAttributes = new[] { "email" } }, ct), "UserPool.Id");
        var clients = await cognito.CallAsync("ListUserPoolClients", new { UserPoolId = poolId, MaxResults = 60 }, ct);
        var clientId = clients["UserPoolClients"]!.AsArray().FirstOrDefault(c => c!["ClientName"]?.GetValue<string>() == ClientName)?["ClientId"]?.GetValue<string>()
            ?? CognitoClient.Text(await cognito.CallAsync("CreateUserPoolClient", new { UserPoolId = poolId, ClientName }, ct), "UserPoolClient.ClientId");
        var pool = new LocalPool(cognito.Endpoint, poolId, clientId);
        await File.WriteAllTextAsync(StateFile(home), JsonSerializer.Serialize(pool), ct);
        return pool;
    }

    /// <summary>The pool of the running <c>cruddur up</c>.</summary>
    public static async Task<LocalPool> RunningAsync(string home, CancellationToken ct)
    {
        var state = StateFile(home);
        var pool = File.Exists(state) ? JsonSerializer.Deserialize<LocalPool>(await File.ReadAllTextAsync(state, ct)) : null;
        using var cognito = pool is null ? null : new CognitoClient(pool.Endpoint);
        if (pool is null || !await cognito!.IsUpAsync(ct))
            throw new CruddurException("the local Cognito is not running (start it: cruddur up)");
        return pool;
    }

    /// <summary>Signs a user up as the frontend's sign-up page does; returns the Cognito sub.</summary>
    public async Task<string> SignUpAsync(CognitoClient cognito, LocalUser user, CancellationToken ct) =>
        CognitoClient.Text(await cognito.CallAsync("SignUp", new
        {
            ClientId,
            Username = user.Email,
            user.Password,
            UserAttributes = new[]
            {
                new { Name = "email", Value = user.Email },
                new { Name = "name", Value = user.Name },
                new { Name = "preferred_username", Value = user.Handle },
            },
        }, ct), "UserSub");

    /// <summary>Confirms a signed-up user (the emailed code, locally skipped); Cognito then runs the PostConfirmation trigger.</summary>
    public Task ConfirmAsync(CognitoClient cognito, LocalUser user, CancellationToken ct) =>
        cognito.CallAsync("AdminConfirmSignUp", new { UserPoolId, Username = user.Email }, ct);

    /// <summary>Signs in with the user's password (USER_PASSWORD_AUTH) and returns the access token.</summary>
    public async Task<string> SignInAsync(CognitoClient cognito, LocalUser user, CancellationToken ct) =>
        CognitoClient.Text(await cognito.CallAsync("InitiateAuth", new
        {
            ClientId,
            AuthFlow = "USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = user.Email, ["PASSWORD"] = user.Password },
        }, ct), "AuthenticationResult.AccessToken");
}

/// <summary>A user of the local pool with the password `cruddur users` gave them.</summary>
public sealed record LocalUser(string Handle, string Email, string Name, string Password)
{
    static string File(string home) => Path.Combine(Emulator.DataFolder(home), "users.json");

    public static LocalUser New(string handle, string email, string name) =>
        new(handle, email, name, $"Cr{Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant()}!9");

    public static async Task<Dictionary<string, LocalUser>> AllAsync(string home, CancellationToken ct) =>
        System.IO.File.Exists(File(home))
            ? JsonSerializer.Deserialize<Dictionary<string, LocalUser>>(await System.IO.File.ReadAllTextAsync(File(home), ct))!
            : [];

    /// <summary>Kept readable by this OS user only: these are local passwords, for signing in through the frontend too.</summary>
    public static async Task SaveAsync(string home, LocalUser user, CancellationToken ct)
    {
        var users = await AllAsync(home, ct);
        users[user.Handle] = user;
        var path = File(home);
        await using (var stream = new FileStream(path + ".tmp", new FileStreamOptions
        {
            Mode = FileMode.Create, Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
            await JsonSerializer.SerializeAsync(stream, users, cancellationToken: ct);
        System.IO.File.Move(path + ".tmp", path, overwrite: true);
    }
}
