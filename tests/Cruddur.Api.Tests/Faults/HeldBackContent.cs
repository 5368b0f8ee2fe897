using System.Net;

namespace Cruddur.Api.Tests.Faults;

/// <summary>A request body sent in two halves: the second only once <see cref="Release"/> is called.</summary>
sealed class HeldBackContent : HttpContent
{
    readonly byte[] _body;
    readonly TaskCompletionSource _firstHalfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HeldBackContent(string json)
    {
        _body = System.Text.Encoding.UTF8.GetBytes(json);
        Headers.ContentType = new("application/json");
    }

    public Task FirstHalfSent => _firstHalfSent.Task;

    public void Release() => _released.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(_body.AsMemory(0, _body.Length / 2));
        await stream.FlushAsync();
        _firstHalfSent.TrySetResult();
        await _released.Task;
        await stream.WriteAsync(_body.AsMemory(_body.Length / 2));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
