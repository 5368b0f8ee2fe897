using System.Text.Json.Nodes;

namespace Cruddur.Rds.Inputs;

/// <summary>An <c>AWS::RDS::DBProxy</c> of a template: whether it requires TLS, and IAM for each of its secrets.</summary>
public static class TemplateProxy
{
    public static RdsConfiguration Read(string id, JsonNode resource, TemplateValues values)
    {
        var p = new TemplateProperties(values, resource["Properties"] as JsonObject ?? []);
        var configuration = new RdsConfiguration
        {
            Name = id,
            Kind = InputKind.CloudFormation,
            Target = Rules.Targets.Proxy,
            Engine = p.Text("EngineFamily", nameof(RdsConfiguration.Engine)),
            RequireTls = p.Bool("RequireTLS", nameof(RdsConfiguration.RequireTls)),
            ProxyIamAuth = IamAuth(p, values),
            Accepted = Acceptance.FromMetadata(resource),
        };
        return configuration with { Unresolved = p.Unresolved };
    }

    /// <summary>IAMAuth per Auth entry; an entry that leaves it out gets the API default, DISABLED.</summary>
    static IReadOnlyList<string>? IamAuth(TemplateProperties p, TemplateValues values)
    {
        switch (p.Node("Auth"))
        {
            case null:
                return null;
            case JsonArray entries:
                return entries.Select(e => values.Resolve(e?["IAMAuth"]) switch
                {
                    TemplateValue.Literal literal => literal.Text,
                    TemplateValue.Missing => "DISABLED",
                    _ => "(unresolved)",
                }).ToList();
            default:
                p.Unresolved.Add(nameof(RdsConfiguration.ProxyIamAuth));
                return null;
        }
    }
}
