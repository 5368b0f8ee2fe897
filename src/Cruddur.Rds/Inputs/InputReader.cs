using System.Text.Json;

namespace Cruddur.Rds.Inputs;

public enum InputFormat { Auto, Cli, Describe, Cfn }

/// <summary>What a lint run reads: the instances found, and notes on what was skipped.</summary>
public sealed record LintInput(InputKind Kind, IReadOnlyList<RdsConfiguration> Instances, IReadOnlyList<string> Notes);

/// <summary>Detects which of the three inputs a text is (or takes the caller's word for it) and reads it.</summary>
public static class InputReader
{
    public static LintInput Read(string text, InputFormat format)
    {
        var input = ReadAny(text, format);
        return input with { Instances = ReplicaSources.Inherit(input.Instances.Select(i => i with { Name = InputLimits.Clip(i.Name) }).ToList()) };
    }

    static LintInput ReadAny(string text, InputFormat format)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new RdsException("the input is empty");
        if (text.Contains('\0')) throw new RdsException("the input is binary, not text (it holds NUL bytes)");
        switch (format == InputFormat.Auto ? Detect(text) : format)
        {
            case InputFormat.Cli:
                return new LintInput(InputKind.Command, CreateCommandReader.Read(text), []);
            case InputFormat.Describe:
                return new LintInput(InputKind.Describe, DescribeInstancesReader.Read(ParseJson(text)), []);
            default:
                var (instances, notes) = CloudFormationReader.Read(text);
                return new LintInput(InputKind.CloudFormation, instances, notes);
        }
    }

    static InputFormat Detect(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
            return ParseJson(text).TryGetProperty("DBInstances", out _) ? InputFormat.Describe : InputFormat.Cfn;
        if ((text.Contains("create-db-instance", StringComparison.Ordinal) || text.Contains("create-db-proxy", StringComparison.Ordinal))
            && !text.Contains("Resources:", StringComparison.Ordinal))
            return InputFormat.Cli;
        if (text.Contains("Resources", StringComparison.Ordinal)) return InputFormat.Cfn;
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
