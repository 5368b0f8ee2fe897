using System.Text.Json.Nodes;

namespace Cruddur.Rds.Inputs;

/// <summary>
/// The instance's <c>VPCSecurityGroups</c>. Groups defined in the same template are checked for an
/// ingress from 0.0.0.0/0 or ::/0 covering the database port (inline rules and separate
/// <c>AWS::EC2::SecurityGroupIngress</c> resources); any other group needs an EC2 lookup.
/// </summary>
public sealed record TemplateSecurityGroups(IReadOnlyList<string>? Ids, bool? Open)
{
    public static TemplateSecurityGroups Read(TemplateProperties p, TemplateValues values)
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
                anyOpen |= Ingress(id, group, values).Any(rule => IsOpen(rule, port, values));
            }
            else
            {
                ids.Add(value is TemplateValue.Literal literal ? literal.Text : "(unresolved)");
                allKnown = false;
            }
        }
        return new(ids, anyOpen ? true : allKnown ? false : null);
    }

    static IEnumerable<JsonNode?> Ingress(string id, JsonNode group, TemplateValues values)
    {
        var inline = group["Properties"]?["SecurityGroupIngress"] as JsonArray ?? [];
        var separate = values.Resources
            .Where(r => TemplateValues.Scalar(r.Value?["Type"]) == "AWS::EC2::SecurityGroupIngress")
            .Select(r => r.Value?["Properties"])
            .Where(rule => values.Resolve(rule?["GroupId"]) is TemplateValue.Resource { LogicalId: var target } && target == id);
        return inline.Concat(separate);
    }

    static bool IsOpen(JsonNode? rule, int port, TemplateValues values)
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
