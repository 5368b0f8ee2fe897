using Cruddur.Data;
using OpenTelemetry.Exporter;

namespace Cruddur.Api;

/// <summary>
/// Where spans are exported over OTLP, from <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> (http/protobuf by default, as the specification says; or grpc).
/// Headers such as an API key are read by the exporter itself from <c>OTEL_EXPORTER_OTLP_HEADERS</c>.
/// </summary>
public sealed record OtlpTarget(Uri Endpoint, OtlpExportProtocol Protocol)
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>The URL spans are sent to: over HTTP the signal's path is appended to the base endpoint.</summary>
    public Uri TracesEndpoint => Protocol == OtlpExportProtocol.HttpProtobuf
        ? new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + "/v1/traces")
        : Endpoint;

    public static OtlpTarget? FromEnvironment(Func<string, string?> variables)
    {
        if (variables(EndpointVariable) is not { Length: > 0 } endpoint) return null;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new CruddurException($"{EndpointVariable} is not an http(s) URL");
        var protocol = variables(ProtocolVariable) switch
        {
            null or "" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            "grpc" => OtlpExportProtocol.Grpc,
            var other => throw new CruddurException($"{ProtocolVariable} is '{other}' (expected http/protobuf or grpc)"),
        };
        return new OtlpTarget(uri, protocol);
    }
}
