using System.Text.Json.Nodes;

namespace Cruddur.Rds.Inputs;

/// <summary>
/// The instance's <c>VPCSecurityGroups</c>. Groups defined in the same template are checked for an
/// ingress from 0.0.0.0/0 or ::/0 covering the database port (inline rules and separate
/// <c>AWS::EC2::SecurityGroupIngress</c> resources); any other group needs an EC2 lookup.
/// </summary>
public sealed record TemplateSecurityGroups(IReadOnlyList<string>? Ids, bool? Open)
{
    public static TemplateSecurityGroups Read(TemplateProperties p, TemplateValues values, SecurityGroupIngress ingress)
    {
        if (p.Node("VPCSecurityGroups") is not JsonArray groups) return new(null, null);
        var port = p.Int("Port", nameof(RdsConfiguration.Port)) ?? 5432;
        var ids = new List<string>();
        bool anyOpen = false, allKnown = true;
        foreach (var value in groups.Select(values.Resolve))
        {
            if (value is TemplateValue.Resource { LogicalId: var id } && values.ResourceOfType(id, "AWS::EC2::SecurityGroup") is { } group)
            {
                ids.Add(id);
                anyOpen |= ingress.IsOpen(id, group, port);
            }
            else
            {
                ids.Add(value is TemplateValue.Literal literal ? literal.Text : "(unresolved)");
                allKnown = false;
            }
        }
        return new(ids, anyOpen ? true : allKnown ? false : null);
    }
}

/// <summary>
/// The ingress rules of a template's security groups, indexed once per template and each group's
/// answer remembered per port, so that many instances sharing many groups cost no more than one.
/// </summary>
public sealed class SecurityGroupIngress(TemplateValues values)
{
    readonly Dictionary<(string, int), bool> _open = [];
    Dictionary<string, List<JsonNode?>>? _separate;

    public bool IsOpen(string id, JsonNode group, int port)
    {
        if (_open.TryGetValue((id, port), out var known)) return known;
        var inline = group["Properties"]?["SecurityGroupIngress"] as JsonArray ?? [];
        var separate = Separate().GetValueOrDefault(id) ?? [];
        return _open[(id, port)] = inline.Concat(separate).Any(rule => Covers(rule, port));
    }

    Dictionary<string, List<JsonNode?>> Separate() => _separate ??= values.Resources
        .Where(r => TemplateValues.Scalar(r.Value?["Type"]) == "AWS::EC2::SecurityGroupIngress")
        .Select(r => r.Value?["Properties"])
        .Select(rule => (Target: (values.Resolve(rule?["GroupId"]) as TemplateValue.Resource)?.LogicalId, Rule: rule))
        .Where(x => x.Target is not null)
        .GroupBy(x => x.Target!)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Rule).ToList());

    bool Covers(JsonNode? rule, int port)
    {
        string? Literal(string name) => (values.Resolve(rule?[name]) as TemplateValue.Literal)?.Text;
        var everywhere = Literal("CidrIp") == "0.0.0.0/0" || Literal("CidrIpv6") == "::/0";
        if (!everywhere) return false;
        if (Literal("IpProtocol") is "-1" or "all") return true;
        var from = int.TryParse(Literal("FromPort"), out var f) ? f : int.MinValue;
        var to = int.TryParse(Literal("ToPort"), out var t) ? t : int.MaxValue;
        return from <= port && port <= to;
    }
}
