namespace Cruddur.Rds.Inputs;

/// <summary>What a template property resolves to offline.</summary>
public abstract record TemplateValue
{
    public sealed record Missing : TemplateValue;

    /// <summary>A literal, or a parameter's default (<c>Parameter</c> names it).</summary>
    public sealed record Literal(string Text, string? FromParameter = null) : TemplateValue;

    /// <summary><c>Ref</c> or <c>Fn::GetAtt</c> to a resource of the same template.</summary>
    public sealed record Resource(string LogicalId) : TemplateValue;

    /// <summary>A <c>Ref</c> to a parameter without a default.</summary>
    public sealed record ParameterWithoutDefault(string Name, bool NoEcho) : TemplateValue;

    /// <summary>Any other expression (Fn::Sub, Fn::ImportValue, an unknown tag...).</summary>
    public sealed record Opaque(string Expression) : TemplateValue;

    public static readonly TemplateValue None = new Missing();
}
