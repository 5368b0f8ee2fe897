using System.Text.Json;

namespace Cruddur.Rds.Instances;

/// <summary>What start, stop and status report about one DB instance.</summary>
public sealed record InstanceState(
    string Identifier, string Status, string? Engine, string? EngineVersion, string? InstanceClass,
    string? Endpoint, DateTimeOffset? AutomaticRestartTime)
{
    /// <summary>AWS starts a stopped instance again after this long.</summary>
    public static readonly TimeSpan StopLimit = TimeSpan.FromDays(7);

    public static InstanceState From(JsonElement instance)
    {
        string? Text(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var endpoint = instance.TryGetProperty("Endpoint", out var e) && Text(e, "Address") is { } address
            ? $"{address}:{(e.TryGetProperty("Port", out var port) ? port.ToString() : "?")}"
            : null;
        return new InstanceState(
            Text(instance, "DBInstanceIdentifier") ?? "?",
            Text(instance, "DBInstanceStatus") ?? "unknown",
            Text(instance, "Engine"),
            Text(instance, "EngineVersion"),
            Text(instance, "DBInstanceClass"),
            endpoint,
            Text(instance, "AutomaticRestartTime") is { } at && DateTimeOffset.TryParse(at, out var time) ? time : null);
    }

    public static async Task<InstanceState> DescribeAsync(string identifier, AwsCliTarget target, CancellationToken ct)
    {
        var json = await AwsCli.RdsAsync("describe-db-instances", target, ct, "--db-instance-identifier", identifier);
        if (!json.TryGetProperty("DBInstances", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            throw new RdsException($"aws rds describe-db-instances returned no instance {identifier}");
        return From(list[0]);
    }

    public static async Task<InstanceState> StopAsync(string identifier, AwsCliTarget target, CancellationToken ct) =>
        From((await AwsCli.RdsAsync("stop-db-instance", target, ct, "--db-instance-identifier", identifier)).GetProperty("DBInstance"));

    public static async Task<InstanceState> StartAsync(string identifier, AwsCliTarget target, CancellationToken ct) =>
        From((await AwsCli.RdsAsync("start-db-instance", target, ct, "--db-instance-identifier", identifier)).GetProperty("DBInstance"));
}
