using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Cruddur.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;
using Cruddur.Chores.Local;

namespace Cruddur.Api.Tests;

public class TracingTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task The_feed_span_records_app_result_length_after_the_query_not_before_as_the_document_did()
    {
        // The document set app.result_length before the query had run (a NameError in Python).
        var handle = await api.AddUserAsync();
        for (var i = 0; i < 3; i++) await api.AddActivityAsync(handle, $"traced {i}", TimeSpan.FromSeconds(i));
        var trace = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Cruddur.Api" or "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { if (activity.TraceId == trace) spans.Add(activity); },
        };
        ActivitySource.AddActivityListener(listener);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/activities/@{handle}?limit=2");
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = Assert.Single(spans, s => s.OperationName == "user-activities");
        Assert.Equal(2, feed.GetTagItem("app.result_length"));
        Assert.Contains(spans, s => s.Source.Name == "Npgsql" && s.ParentSpanId == feed.SpanId);
        Assert.Contains(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.SpanId == feed.ParentSpanId);
    }

    [Fact]
    public async Task Spans_are_exported_over_otlp_http_when_an_endpoint_is_set()
    {
        using var collector = new HttpListener();
        var port = FreePort.Find();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = ReceiveTracesAsync(collector);
        var otlp = new OtlpTarget(new Uri($"http://127.0.0.1:{port}"), OtlpExportProtocol.HttpProtobuf);

        await using (var app = CruddurApi.Build(new ApiSettings(api.Database, 0, otlp)))
        {
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = app.Address() };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/activities/home")).StatusCode);
            await app.StopAsync();
        }

        var (path, body) = await received.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("/v1/traces", path);
        var text = Encoding.UTF8.GetString(body);
        Assert.Contains("home-activities", text);
        Assert.Contains("app.result_length", text);
        Assert.Contains("cruddur-api", text);
        Assert.Contains("postgresql", text);
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_no_tracing_is_registered()
    {
        await using var app = CruddurApi.Build(new ApiSettings(api.Database, 0, null));

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(OtlpTarget.FromEnvironment(_ => null));
    }

    [Theory]
    [InlineData("not a url", null)]
    [InlineData("ftp://collector:4318", null)]
    [InlineData("http://collector:4318", "thrift")]
    public void A_bad_otlp_setting_is_refused_naming_the_variable(string endpoint, string? protocol)
    {
        var variables = new Dictionary<string, string?> { [OtlpTarget.EndpointVariable] = endpoint, ["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol };

        var error = Assert.Throws<CruddurException>(() => OtlpTarget.FromEnvironment(name => variables.GetValueOrDefault(name)));

        Assert.Contains("OTEL_EXPORTER_OTLP_", error.Message);
    }

    static async Task<(string Path, byte[] Body)> ReceiveTracesAsync(HttpListener collector)
    {
        var context = await collector.GetContextAsync();
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        context.Response.StatusCode = 200;
        context.Response.Close();
        return (context.Request.Url!.AbsolutePath, body.ToArray());
    }

}
