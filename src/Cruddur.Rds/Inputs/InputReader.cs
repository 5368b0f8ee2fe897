using System.Text.Json;

namespace Cruddur.Rds.Inputs;

/// <summary>What a lint run reads: the instances found, and notes on what was skipped.</summary>
public sealed record LintInput(InputKind Kind, IReadOnlyList<RdsConfiguration> Instances, IReadOnlyList<string> Notes);

/// <summary>Detects which of the three inputs a text is (or takes the caller's word for it) and reads it.</summary>
public static class InputReader
{
    /// <param name="kind">What the caller says the text is; null detects it.</param>
    public static LintInput Read(string text, InputKind? kind)
    {
        var input = ReadAny(text, kind);
        return input with { Instances = ReplicaSources.Inherit(input.Instances.Select(i => i with { Name = InputLimits.Clip(i.Name) }).ToList()) };
    }

    static LintInput ReadAny(string text, InputKind? kind)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new RdsException("the input is empty");
        if (text.Contains('\0')) throw new RdsException("the input is binary, not text (it holds NUL bytes)");
        switch (kind ?? Detect(text))
        {
            case InputKind.Command:
                return new LintInput(InputKind.Command, CreateCommandReader.Read(text), []);
            case InputKind.Describe:
                return new LintInput(InputKind.Describe, DescribeInstancesReader.Read(ParseJson(text)), []);
            default:
                var (instances, notes) = CloudFormationReader.Read(text);
                return new LintInput(InputKind.CloudFormation, instances, notes);
        }
    }

    static InputKind Detect(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
            return ParseJson(text).TryGetProperty("DBInstances", out _) ? InputKind.Describe : InputKind.CloudFormation;
        if ((text.Contains("create-db-instance", StringComparison.Ordinal) || text.Contains("create-db-proxy", StringComparison.Ordinal))
            && !text.Contains("Resources:", StringComparison.Ordinal))
            return InputKind.Command;
        if (text.Contains("Resources", StringComparison.Ordinal)) return InputKind.CloudFormation;
        throw new RdsException(
            "cannot tell what the input is: expected an 'aws rds create-db-instance' command, describe-db-instances JSON or a CloudFormation template (or pass --input)");
    }

    static JsonElement ParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = InputLimits.MaxDepth });
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new RdsException($"the JSON does not parse (line {e.LineNumber + 1})");
        }
    }
}
