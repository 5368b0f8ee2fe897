using System.Net;
using System.Text.Json;

namespace Cruddur.Api.Tests.Resilience;

/// <summary>
/// The hostile corpus against the real API. Its requests run one after another on this class's own
/// database, so after each one the tables must have changed exactly as the answer says: not at all
/// for a problem, by the one activity named in Location for a 201.
/// </summary>
public class HostileInputTests(ApiServer api) : IClassFixture<ApiServer>
{
    const string CorpusHandle = "corpus";

    [Theory]
    [MemberData(nameof(HostileCorpus.Names), MemberType = typeof(HostileCorpus))]
    public async Task A_hostile_request_is_a_4xx_problem_or_stored_exactly_and_nothing_else_changes(string name)
    {
        var request = HostileCorpus.Requests[name];
        await api.ExecuteAsync("INSERT INTO users (display_name, handle, cognito_user_id) VALUES ('Corpus', @handle, @sub) ON CONFLICT DO NOTHING",
            ("handle", CorpusHandle), ("sub", Auth.TestUserPool.SubOf(CorpusHandle)));
        var before = await TablesAsync();
        using var client = new HttpClient { BaseAddress = api.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        using var response = await client.SendAsync(api.SignedIn(request.ToMessage(CorpusHandle), CorpusHandle));

        if (request.Expected != 201)
        {
            var problem = await Problem.ReadAsync(response, (HttpStatusCode)request.Expected);
            Assert.DoesNotContain("Exception", problem.Root.GetRawText());
            Assert.Equal(before, await TablesAsync());
            return;
        }
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var uuid = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("uuid").GetGuid();
        var sent = JsonDocument.Parse(request.Body.AsMemory()[(request.Body![0] == 0xEF ? 3 : 0)..]).RootElement.GetProperty("message").GetString();
        Assert.Equal([sent!], await api.QueryAsync<string>("SELECT message FROM activities WHERE uuid = @uuid", ("uuid", uuid)));
        Assert.Equal(before with { Activities = before.Activities + 1 }, await TablesAsync(except: uuid));
    }

    [Fact]
    public void The_corpus_holds_at_least_200_requests()
    {
        Assert.True(HostileCorpus.Requests.Count >= 200, $"the corpus holds {HostileCorpus.Requests.Count} requests");
        Assert.Contains(HostileCorpus.Requests.Values, r => r.Expected == 201);
    }

    [Theory]
    [InlineData("/api/activities/@%00")]
    [InlineData("/api/activities/@a%00b")]
    [InlineData("/api/activities/%00")]
    public async Task A_nul_in_the_path_is_a_400_from_kestrel_before_the_api_sees_it(string path)
    {
        // Kestrel refuses a decoded NUL in the request target itself, so this 400 has no problem body.
        var before = await TablesAsync();

        using var response = await api.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await TablesAsync());
    }

    sealed record Tables(long Users, long Activities, string Fingerprint);

    /// <summary>Row counts and a digest of every row, leaving out the activity a 201 just created.</summary>
    async Task<Tables> TablesAsync(Guid? except = null)
    {
        var row = await api.QueryAsync<string>("""
            SELECT (SELECT count(*) FROM users) || ' ' || (SELECT count(*) FROM activities) || ' ' ||
              (SELECT coalesce(md5(string_agg(a::text, ',' ORDER BY a.uuid)), '') FROM activities a WHERE a.uuid <> @except)
            """, ("except", except ?? Guid.Empty));
        var parts = row.Single().Split(' ');
        return new Tables(long.Parse(parts[0]), long.Parse(parts[1]), parts[2]);
    }
}
