using System.Net;
using System.Text.Json;

namespace Cruddur.Api.Tests;

/// <summary>An RFC 9457 problem as a client reads it, checked for the shape every error shares.</summary>
public sealed record Problem(int Status, string Type, string Title, string? Detail, JsonElement Root)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(body).RootElement.Clone();
        var problem = new Problem(root.GetProperty("status").GetInt32(), root.GetProperty("type").GetString()!,
            root.GetProperty("title").GetString()!, root.TryGetProperty("detail", out var detail) ? detail.GetString() : null, root);
        Assert.Equal((int)expected, problem.Status);
        Assert.StartsWith("https://", problem.Type);
        Assert.NotEmpty(problem.Title);
        return problem;
    }

    /// <summary>The messages the problem's <c>errors</c> gives for one field (empty when it names no such field).</summary>
    public IReadOnlyList<string> ErrorsFor(string field) =>
        Root.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? messages.EnumerateArray().Select(m => m.GetString()!).ToList()
            : [];

    /// <summary>Asserts the problem names <paramref name="field"/> both in its errors and in its detail.</summary>
    public void AssertNames(string field)
    {
        Assert.NotEmpty(ErrorsFor(field));
        Assert.Contains(field, Detail);
    }
}
