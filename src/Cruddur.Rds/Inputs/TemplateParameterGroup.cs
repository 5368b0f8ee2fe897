using System.Text.RegularExpressions;

namespace Cruddur.Rds.Inputs;

/// <summary>
/// The instance's <c>DBParameterGroupName</c>: a group of the same template (its <c>rds.force_ssl</c>
/// and its family, which also names the engine when <c>Engine</c> is absent), a default group, or a
/// group defined elsewhere whose contents are unknown.
/// </summary>
public sealed partial record TemplateParameterGroup(string? Name, string? ForceSsl, string? Engine, string? Version)
{
    public static TemplateParameterGroup Read(TemplateProperties p, TemplateValues values)
    {
        switch (p.Value("DBParameterGroupName"))
        {
            case TemplateValue.Missing:
                return new(null, null, null, null);
            case TemplateValue.Literal { Text: var name } when name.StartsWith("default.", StringComparison.Ordinal):
                return new(null, null, null, null);
            case TemplateValue.Literal { Text: var name }:
                return new(name, null, null, null);
            case TemplateValue.Resource { LogicalId: var id } when values.ResourceOfType(id, "AWS::RDS::DBParameterGroup") is { } group:
                var properties = group["Properties"];
                var forceSsl = values.Resolve(properties?["Parameters"]?["rds.force_ssl"]) switch
                {
                    TemplateValue.Missing => "",
                    TemplateValue.Literal literal => literal.Text,
                    _ => null,
                };
                var family = values.Resolve(properties?["Family"]) as TemplateValue.Literal;
                var match = family is null ? Match.Empty : PostgresFamily().Match(family.Text);
                return new(id, forceSsl, match.Success ? "postgres" : null, match.Success ? match.Groups[1].Value : null);
            default:
                p.Unresolved.Add(nameof(RdsConfiguration.ParameterGroupName));
                return new("(unresolved)", null, null, null);
        }
    }

    [GeneratedRegex(@"^postgres(\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex PostgresFamily();
}
