using System.CommandLine;
using System.Text.RegularExpressions;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Rds.Network;

namespace Cruddur.Cli.Commands.Rds;

/// <summary>The document's bin/rds-update-sg-rule: point the dev rule of the DB security group at this machine's IP.</summary>
public static partial class UpdateSgRuleCommand
{
    public static Command Build(CliContext cli)
    {
        var groupId = new Option<string?>("--group-id") { Description = "The DB security group (default: DB_SG_ID)" };
        var ruleId = new Option<string?>("--rule-id") { Description = "The rule to rewrite (default: DB_SG_RULE_ID)" };
        var ip = new Option<string?>("--ip") { Description = "Your IPv4 address or CIDR (default: asked of --ip-url)" };
        var ipUrl = new Option<string>("--ip-url") { Description = "A service that answers with your public IPv4", DefaultValueFactory = _ => PublicIp.DefaultUrl };
        var ipTimeout = new Option<int>("--ip-timeout") { Description = "Seconds to wait for --ip-url", DefaultValueFactory = _ => 5 };
        var maxPrefix = new Option<int>("--max-prefix") { Description = "The widest range allowed (32: one address)", DefaultValueFactory = _ => 32 };
        var port = new Option<int>("--port") { Description = "The database port", DefaultValueFactory = _ => 5432 };
        var description = new Option<string>("--description") { Description = "The rule's description", DefaultValueFactory = _ => DefaultDescription() };
        var region = new Option<string?>("--region") { Description = "AWS region (default: the SDK's chain, e.g. AWS_REGION)" };
        var endpoint = new Option<string?>("--endpoint-url") { Description = "Another EC2 endpoint (a VPC endpoint, or a local one for tests)" };
        var command = new Command("update-sg-rule", "Allow PostgreSQL from your current IPv4 /32 only, on the existing rule DB_SG_RULE_ID of DB_SG_ID")
        {
            groupId, ruleId, ip, ipUrl, ipTimeout, maxPrefix, port, description, region, endpoint,
        };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            var group = Required(cli, result.GetValue(groupId), "DB_SG_ID", "--group-id", SecurityGroupId());
            var rule = Required(cli, result.GetValue(ruleId), "DB_SG_RULE_ID", "--rule-id", RuleId());
            var text = result.GetValue(description)!;
            if (!AllowedDescription().IsMatch(text))
                throw new CruddurException("--description may hold up to 255 letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*");
            var prefix = result.GetValue(maxPrefix);
            DevCidr.CheckMaxPrefix(prefix);
            cli.Terminal.Banner("rds update-sg-rule");
            var cidr = DevCidr.Parse(await AddressAsync(cli, result.GetValue(ip), HttpUrl(result.GetValue(ipUrl)!, "--ip-url"), result.GetValue(ipTimeout), ct), prefix);
            var change = new DevAccessRule.Change(group, rule, cidr, result.GetValue(port), text);
            await DevAccessRule.ApplyAsync(change, new Ec2Target(result.GetValue(region), result.GetValue(endpoint) is { } url ? HttpUrl(url, "--endpoint-url") : null), ct);
            cli.Terminal.Line($"Updated: {rule} in {group}: tcp {change.Port} from {cidr} \"{text}\"");
        });
        return command;
    }

    static async Task<string> AddressAsync(CliContext cli, string? given, Uri url, int timeoutSeconds, CancellationToken ct)
    {
        if (given is not null)
        {
            cli.Terminal.Line($"Ip: {given} (from --ip)");
            return given;
        }
        var address = await PublicIp.DetectAsync(url, TimeSpan.FromSeconds(Math.Max(1, timeoutSeconds)), ct);
        cli.Terminal.Line($"Ip: {address} (from {url})");
        return address.ToString();
    }

    static Uri HttpUrl(string text, string flag) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new CruddurException($"{flag} '{text}' is not an http(s) URL");

    /// <summary>The flag, else the document's variable; an invalid value is named by where it came from.</summary>
    static string Required(CliContext cli, string? flag, string variable, string name, Regex pattern)
    {
        var value = flag ?? cli.Variable(variable);
        if (string.IsNullOrEmpty(value)) throw new CruddurException($"no security group {(variable == "DB_SG_ID" ? "id" : "rule id")} (set {variable} or pass {name})");
        var source = flag is null ? variable : name;
        return pattern.IsMatch(value) ? value : throw new CruddurException($"{source} '{value}' is not valid (expected {(variable == "DB_SG_ID" ? "sg-" : "sgr-")} and hex digits)");
    }

    /// <summary>The document wrote GITPOD; a rule that names who and where is easier to audit.</summary>
    static string DefaultDescription() =>
        Unallowed().Replace($"cruddur dev {Environment.UserName}@{Environment.MachineName}", "");

    [GeneratedRegex("^sg-[0-9a-f]{8,17}$")] private static partial Regex SecurityGroupId();
    [GeneratedRegex("^sgr-[0-9a-f]{8,17}$")] private static partial Regex RuleId();
    [GeneratedRegex(@"^[a-zA-Z0-9 ._\-:/()#,@\[\]+=&;{}!$*]{1,255}$")] private static partial Regex AllowedDescription();
    [GeneratedRegex(@"[^a-zA-Z0-9 ._\-:/()#,@\[\]+=&;{}!$*]")] private static partial Regex Unallowed();
}
