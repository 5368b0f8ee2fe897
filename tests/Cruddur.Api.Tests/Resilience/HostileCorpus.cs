using System.Text;

namespace Cruddur.Api.Tests.Resilience;

/// <summary>
/// The hostile input corpus, by name (the name is what a failing test shows). Every entry expects a
/// 4xx problem, except the posts of hostile but legal messages, which must be stored byte for byte.
/// </summary>
public static class HostileCorpus
{
    const string H = HostileRequest.Handle;

    static readonly string[] SqlMetacharacters =
    [
        "'", "''", "\"", "`", ";", "--", "/*", "*/", "\\", "%", "_", "$1", "$$", "' OR '1'='1", "' OR 1=1--",
        "'; DROP TABLE activities;--", "\"; DROP TABLE users;--", "1; SELECT pg_sleep(10)", "' UNION SELECT NULL,NULL--",
        "$$; DROP TABLE users; $$", "E'\\x00'", "\\x27", "%27%20OR%201=1", "@handle", ":limit", "?", "{}", "[]",
    ];

    static readonly string[] IllFormedUtf8 =
    [
        "C3 28", "A0 A1", "E2 28 A1", "E2 82 28", "F0 28 8C BC", "F8 A1 A1 A1 A1", "FC A1 A1 A1 A1 A1",
        "C0 AF", "E0 80 AF", "ED A0 80", "ED BF BF", "F4 90 80 80", "FF", "FE FF", "C3",
    ];

    public static readonly IReadOnlyDictionary<string, HostileRequest> Requests = Build();

    public static TheoryData<string> Names => new(Requests.Keys);

    static Dictionary<string, HostileRequest> Build()
    {
        var corpus = new Dictionary<string, HostileRequest>();
        void Add(string name, HostileRequest request) => corpus.Add(name, request);
        for (var i = 0; i < SqlMetacharacters.Length; i++)
        {
            var sql = SqlMetacharacters[i];
            var escaped = Uri.EscapeDataString(sql);
            Add($"sql {i} as the handle of a post", HostileRequest.PostFields(sql, "m", "1-day", 403));
            Add($"sql {i} as the ttl of a post", HostileRequest.PostFields(H, "m", sql, 422));
            Add($"sql {i} as a stored message", HostileRequest.PostFields(H, $"msg {sql} end", "1-day", 201));
            Add($"sql {i} as limit", HostileRequest.Get($"/api/activities/home?limit={escaped}", 400));
            Add($"sql {i} as before", HostileRequest.Get($"/api/activities/home?before={escaped}", 400));
            Add($"sql {i} as the handle of a feed", HostileRequest.Get($"/api/activities/@{escaped}", 404));
            Add($"sql {i} as an activity id", HostileRequest.Get($"/api/activities/{escaped}x", 404));
        }
        for (var i = 0; i < IllFormedUtf8.Length; i++)
        {
            var bytes = Convert.FromHexString(IllFormedUtf8[i].Replace(" ", ""));
            Add($"ill-formed utf-8 {IllFormedUtf8[i]} in the message", HostileRequest.PostBytes(
                [.. Encoding.UTF8.GetBytes($$"""{"handle":"{{H}}","message":"a"""), .. bytes, .. "\",\"ttl\":\"1-day\"}"u8], 400));
            Add($"ill-formed utf-8 {IllFormedUtf8[i]} as a key", HostileRequest.PostBytes([.. "{\""u8, .. bytes, .. "\":1}"u8], 400));
            Add($"ill-formed utf-8 {IllFormedUtf8[i]} percent-encoded in a handle",
                HostileRequest.Get($"/api/activities/@x{string.Concat(bytes.Select(b => $"%{b:X2}"))}", 404));
        }
        AddBodies(Add);
        AddPages(Add);
        AddPaths(Add);
        return corpus;
    }

    static void AddBodies(Action<string, HostileRequest> add)
    {
        var valid = $$"""{"handle":"{{H}}","message":"m","ttl":"1-day"}""";
        add("a body 64 bytes over 1 MiB", HostileRequest.PostBytes(Encoding.UTF8.GetBytes(valid.PadRight((int)CruddurApi.MaxRequestBodyBytes + 64)), 413));
        add("a message of 2 MiB", HostileRequest.PostFields(H, new string('x', 2 * 1024 * 1024), "1-day", 413));
        add("a body of 8 MiB of spaces", HostileRequest.PostBytes(Encoding.UTF8.GetBytes(new string(' ', 8 * 1024 * 1024)), 413));
        foreach (var depth in new[] { 65, 1000, 100_000 })
        {
            add($"arrays nested {depth} deep", HostileRequest.Post(new string('[', depth) + new string(']', depth), 400));
            add($"objects nested {depth} deep as the message", HostileRequest.Post(
                $$"""{"handle":"{{H}}","ttl":"1-day","message":{{string.Concat(Enumerable.Repeat("{\"a\":", depth))}}1{{new string('}', depth)}}}""", 400));
        }
        add("a message nested 10 deep", HostileRequest.Post($$"""{"handle":"{{H}}","ttl":"1-day","message":[[[[[[[[[["m"]]]]]]]]]]}""", 422));
        add("a duplicate handle", HostileRequest.Post($$"""{"handle":"nobody","handle":"{{H}}","message":"m","ttl":"1-day"}""", 400));
        add("a duplicate message", HostileRequest.Post($$"""{"handle":"{{H}}","message":"a","message":"b","ttl":"1-day"}""", 400));
        add("a duplicate ttl", HostileRequest.Post($$"""{"handle":"{{H}}","message":"m","ttl":"1-day","ttl":"30-days"}""", 400));
        add("a duplicate key differently escaped", HostileRequest.Post($$"""{"handle":"{{H}}","message":"m","ttl":"1-day","t\u0074l":"1-hour"}""", 400));
        foreach (var field in new[] { "uuid", "user_uuid", "created_at", "expires_at", "likes_count", "reply_to_activity_uuid", "Handle", "handle ", "" })
            add($"the unknown field '{field}'", HostileRequest.Post($$"""{"handle":"{{H}}","message":"m","ttl":"1-day","{{field}}":"1"}""", 422));
        foreach (var type in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                     "application/jsonx", "application/octet-stream", "json", "*/*", "text/json" })
            add($"the content type {type}", HostileRequest.PostBytes(Encoding.UTF8.GetBytes(valid), 415, type));
        add("no content type", HostileRequest.PostBytes(Encoding.UTF8.GetBytes(valid), 415, null));
        add("a form body", HostileRequest.Post($"handle={H}&message=m&ttl=1-day", 415, "application/x-www-form-urlencoded"));
        add("a BOM then JSON", HostileRequest.PostBytes([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(valid)], 201));
        add("UTF-16 JSON", HostileRequest.PostBytes(Encoding.Unicode.GetBytes(valid), 400));
        add("trailing garbage after the object", HostileRequest.Post(valid + "{}", 400));
        add("a comment in the JSON", HostileRequest.Post("/* c */" + valid, 400));
        add("a trailing comma", HostileRequest.Post($$"""{"handle":"{{H}}","message":"m","ttl":"1-day",}""", 400));
        add("a huge handle in the body", HostileRequest.PostFields(new string('h', 100_000), "m", "1-day", 403));
        add("a NUL in the handle", HostileRequest.Post($$"""{"handle":"{{H}}\u0000","message":"m","ttl":"1-day"}""", 422));
        add("a NUL in the ttl", HostileRequest.Post($$"""{"handle":"{{H}}","message":"m","ttl":"1-day\u0000"}""", 422));
        add("a lone surrogate in the handle", HostileRequest.Post("""{"handle":"\udc00","message":"m","ttl":"1-day"}""", 422));
        add("a number as the handle", HostileRequest.Post("""{"handle":1e999,"message":"m","ttl":"1-day"}""", 422));
        add("an empty body", HostileRequest.PostBytes([], 400));
        add("a zero byte body", HostileRequest.PostBytes([0], 400));
    }

    static void AddPages(Action<string, HostileRequest> add)
    {
        foreach (var limit in new[] { "-1", "0", "101", "2147483647", "2147483648", "-2147483649", "99999999999999999999999", "1e3", "0x10",
                     "+5", " 5", "5 ", "5.0", "", "NaN", "Infinity", "\u0661\u0662", "5%00", "%FF" })
            add($"limit '{limit}'", HostileRequest.Get($"/api/activities/home?limit={(limit.Contains('%') ? limit : Uri.EscapeDataString(limit))}", 400));
        add("limit twice", HostileRequest.Get("/api/activities/home?limit=5&limit=6", 400));
        var cursor = new Apis.Cursor(DateTime.UtcNow, Guid.NewGuid()).Encode();
        var forged = new Dictionary<string, string>
        {
            ["truncated by one"] = cursor[..^1],
            ["truncated to half"] = cursor[..16],
            ["with one character more"] = cursor + "A",
            ["padded"] = cursor + "==",
            ["in standard base64"] = Convert.ToBase64String(new byte[24]).Replace("A", "+/"),
            ["of the smallest 64-bit time"] = "gAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            ["of 24 bytes starting 0x7F"] = "f_________________________________________"[..32],
            ["empty"] = "",
            ["with a NUL"] = cursor[..^1] + "%00",
            ["in a twice encoded form"] = Uri.EscapeDataString(Uri.EscapeDataString("a+b/c==")),
        };
        foreach (var (name, value) in forged)
        {
            add($"a cursor {name} on the home feed", HostileRequest.Get($"/api/activities/home?before={value}", 400));
            add($"a cursor {name} on a user feed", HostileRequest.Get($"/api/activities/@{H}?before={value}", 400));
        }
    }

    static void AddPaths(Action<string, HostileRequest> add)
    {
        foreach (var traversal in new[] { "..%2F..%2Fetc%2Fpasswd", "..%2f..%2f..%2fetc%2fshadow", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
                     "..%5C..%5Cwindows%5Cwin.ini", "%252E%252E%252Fetc%252Fpasswd", "..%c0%afetc%c0%afpasswd",
                     "....%2F%2F....%2F%2Fetc", "%2Fetc%2Fpasswd", "~root", "%0d%0aSet-Cookie:%20x=1" })
            add($"the handle {traversal}", HostileRequest.Get($"/api/activities/@{traversal}", 404));
        add("a handle of 7000 characters", HostileRequest.Get($"/api/activities/@{new string('h', 7000)}", 404));
        add("an activity id that is almost a uuid", HostileRequest.Get($"/api/activities/{Guid.NewGuid().ToString()[..^1]}g", 404));
        add("an activity id with braces", HostileRequest.Get($"/api/activities/%7B{Guid.Empty}%7D", 404));
        add("a post to the home feed", HostileRequest.Post("{}", 405) with { Path = "/api/activities/home" });
        add("a post to a user feed", HostileRequest.Post("{}", 405) with { Path = $"/api/activities/@{H}" });
    }
}
