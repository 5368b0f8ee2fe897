using System.Net;

namespace Cruddur.Api.Tests.Faults;

/// <summary>
/// A JSON body whose closing brace is held back until <see cref="Release"/>. Meanwhile it keeps sending
/// insignificant whitespace, as a slow but live client does: Kestrel ends a body slower than 240 B/s
/// after a 5 s grace period with 408, which a held request met on a busy machine.
/// </summary>
sealed class HeldBackContent : HttpContent
{
    static readonly TimeSpan Beat = TimeSpan.FromMilliseconds(100);
    static readonly byte[] Spaces = System.Text.Encoding.ASCII.GetBytes(new string(' ', 64));

    readonly byte[] _body;
    readonly TaskCompletionSource _firstHalfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HeldBackContent(string json)
    {
        if (!json.EndsWith('}')) throw new ArgumentException("expected a JSON object", nameof(json));
        _body = System.Text.Encoding.UTF8.GetBytes(json);
        Headers.ContentType = new("application/json");
    }

    public Task FirstHalfSent => _firstHalfSent.Task;

    public void Release() => _released.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(_body.AsMemory(0, _body.Length - 1));
        await stream.FlushAsync();
        _firstHalfSent.TrySetResult();
        while (await Task.WhenAny(_released.Task, Task.Delay(Beat)) != _released.Task)
        {
            await stream.WriteAsync(Spaces);
            await stream.FlushAsync();
        }
        await stream.WriteAsync(_body.AsMemory(_body.Length - 1));
    }

    // Chunked: the whitespace makes the length unknown in advance.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
