using System.Text.Json;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Cruddur.Data;
using Cruddur.Data.Security;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Secrets;

/// <summary>
/// Credentials kept in AWS Secrets Manager, read through Parameter Store's
/// <c>/aws/reference/secretsmanager/</c> path. The secret is JSON: <c>username</c> and <c>password</c>
/// (all that an RDS managed master secret has), optionally <c>host</c>, <c>port</c> and <c>dbname</c>.
/// </summary>
public static class ConnectionSecret
{
    public const string ReferencePrefix = "/aws/reference/secretsmanager/";

    /// <summary>
    /// The <see cref="SecretSource"/> the CLI and the API resolve with: a Systems Manager client in the URL's
    /// region, else the SDK's (AWS_REGION, AWS_ENDPOINT_URL_SSM, profiles).
    /// </summary>
    public static readonly SecretSource SecretsManager = async (spec, secretId, ct) =>
    {
        var region = spec.Options.Region ?? Regions.FromChain()
            ?? throw new CruddurException("reading a secret needs an AWS region (add ?region=eu-west-1 to the URL or set AWS_REGION)");
        using var ssm = new AmazonSimpleSystemsManagementClient(Amazon.RegionEndpoint.GetBySystemName(region));
        return await ApplyAsync(spec, ssm, secretId, ct);
    };

    public static async Task<ConnectionSpec> ApplyAsync(ConnectionSpec spec, IAmazonSimpleSystemsManagement ssm, string secretId, CancellationToken ct)
    {
        var fields = Parse(await ReadAsync(ssm, secretId, ct), secretId);
        var settings = new NpgsqlConnectionStringBuilder(spec.Settings.ConnectionString)
        {
            Username = fields.Username,
            Password = fields.Password,
        };
        if (fields.Host is { Length: > 0 } host) settings.Host = host;
        if (fields.Port is { } port) settings.Port = port;
        if (fields.DbName is { Length: > 0 } database) settings.Database = database;
        if (string.IsNullOrEmpty(settings.Host))
            throw new CruddurException($"secret {secretId} has no host (put the host in the connection URL)");
        return new ConnectionSpec(settings, spec.Options with { SecretId = secretId });
    }

    static async Task<string> ReadAsync(IAmazonSimpleSystemsManagement ssm, string secretId, CancellationToken ct)
    {
        try
        {
            var response = await ssm.GetParameterAsync(new GetParameterRequest { Name = ReferencePrefix + secretId, WithDecryption = true }, ct);
            return response.Parameter.Value;
        }
        catch (ParameterNotFoundException e)
        {
            throw new CruddurException($"secret {secretId} not found in Secrets Manager (check the secret id and region)", e);
        }
        catch (AmazonServiceException e)
        {
            throw new CruddurException($"cannot read secret {secretId} ({e.ErrorCode ?? e.StatusCode.ToString()}; the caller needs ssm:GetParameter and secretsmanager:GetSecretValue)", e);
        }
        catch (AmazonClientException e)
        {
            throw new CruddurException($"cannot read secret {secretId} (no AWS credentials or region, or Systems Manager unreachable)", e);
        }
    }

    // Never echo the secret's text: a parse error names only what is missing.
    static SecretFields Parse(string json, string secretId)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var username = Text("username");
            var password = Text("password");
            if (string.IsNullOrEmpty(username) || password is null)
                throw new CruddurException($"secret {secretId} has no username and password fields");
            return new SecretFields(username, password, Text("host"), Port(root, secretId), Text("dbname"));
        }
        catch (JsonException)
        {
            // The parser's message quotes the offending text, which is part of the secret: leave it out.
            throw new CruddurException($"secret {secretId} is not JSON (expected username, password, optional host, port, dbname)");
        }
    }

    // RDS writes the port as a number; hand-made secrets often have it as a string.
    static int? Port(JsonElement root, string secretId)
    {
        if (!root.TryGetProperty("port", out var port)) return null;
        if (port.ValueKind == JsonValueKind.Number && port.TryGetInt32(out var number)) return number;
        if (port.ValueKind == JsonValueKind.String && int.TryParse(port.GetString(), out var text)) return text;
        throw new CruddurException($"secret {secretId} has a port that is not a number");
    }

    sealed record SecretFields(string Username, string Password, string? Host, int? Port, string? DbName);
}
