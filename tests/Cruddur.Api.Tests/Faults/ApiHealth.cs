using System.Net;
using Cruddur.Testing;

namespace Cruddur.Api.Tests.Faults;

/// <summary>Whether the API serves again after a fault, without being restarted.</summary>
static class ApiHealth
{
    /// <summary>A functional bound, not a speed test: /api/health answers 200 within 5 s.</summary>
    public static async Task AssertHealthyWithin5SecondsAsync(Uri api)
    {
        using var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(5) };
        var answers = new List<HttpStatusCode>();
        var healthy = await Poll.UntilAsync(async () =>
        {
            answers.Add((await client.GetAsync("/api/health")).StatusCode);
            return answers[^1] == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(5));
        Assert.True(healthy, $"/api/health still answered {answers.LastOrDefault()} 5 s after the database was back");
        TestContext.Current.TestOutputHelper?.WriteLine($"health after the fault: {string.Join(", ", answers)}");
    }
}
