using System.Diagnostics;
using Npgsql;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cruddur.Api;

/// <summary>
/// Spans for requests, database commands and the feeds. Without an OTLP endpoint nothing is
/// registered: no listener, so no span is even created and the hot path pays nothing.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "cruddur-api";
    public static readonly ActivitySource Source = new("Cruddur.Api");

    public static IServiceCollection AddTracing(this IServiceCollection services, OtlpTarget? otlp)
    {
        if (otlp is null) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(Source.Name)
                .AddAspNetCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(exporter =>
                {
                    exporter.Endpoint = otlp.TracesEndpoint;
                    exporter.Protocol = otlp.Protocol;
                }));
        return services;
    }
}
