using System.Text.Json.Nodes;

namespace Cruddur.Rds.Inputs;

/// <summary>How <c>MasterUserPassword</c> is supplied; its value is looked at, never kept.</summary>
public static class TemplatePassword
{
    public static PasswordSource Source(TemplateValue value, JsonNode? node) => value switch
    {
        TemplateValue.Missing => PasswordSource.None,
        TemplateValue.Literal { FromParameter: not null } => PasswordSource.Literal,
        TemplateValue.Literal literal when IsDynamicReference(literal.Text) => PasswordSource.DynamicReference,
        TemplateValue.Literal => PasswordSource.Literal,
        TemplateValue.ParameterWithoutDefault { NoEcho: true } => PasswordSource.NoEchoParameter,
        TemplateValue.ParameterWithoutDefault => PasswordSource.VisibleParameter,
        _ when IsDynamicReference(node?.ToJsonString() ?? "") => PasswordSource.DynamicReference,
        _ => PasswordSource.Unresolved,
    };

    /// <summary><c>{{resolve:secretsmanager:...}}</c> and <c>{{resolve:ssm-secure:...}}</c> are fetched at deploy time.</summary>
    static bool IsDynamicReference(string text) =>
        text.Contains("{{resolve:secretsmanager:", StringComparison.Ordinal) || text.Contains("{{resolve:ssm-secure:", StringComparison.Ordinal);
}
