using System.Collections.Concurrent;
using Cruddur.Api.Apis;
using Microsoft.Extensions.Caching.Memory;

namespace Cruddur.Api.Feeds;

/// <summary>Which cached page: the home feed or one user's, first page, at a page size.</summary>
public readonly record struct FeedKey(string? Handle, int Limit);

/// <summary>
/// The first page of the home feed and of each user's feed, kept in process. It serves only while
/// <see cref="FeedListener"/> listens for PostgreSQL's change notifications; each one empties it, and
/// a page also ends when its first activity expires. A read that raced a change is not stored: every
/// emptying moves the generation on, and a page read in an older generation is thrown away.
/// Concurrent misses of one page share one database read (started after the last emptying), so an
/// emptying under load costs one query per page rather than one per waiting request.
/// </summary>
public sealed class FeedCache(bool enabled) : IDisposable
{
    // Pages, not bytes: 20 activities are ~6 KB, so the bound keeps the cache under ~60 MB.
    const int MaxPages = 10_000;
    readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = MaxPages });
    readonly ConcurrentDictionary<FeedKey, Task<FeedPage?>> _reading = new();
    readonly Lock _lock = new();
    long _generation;
    volatile bool _serving;
    long _hits, _misses;

    public bool Enabled => enabled;

    /// <summary>Whether pages are served from memory: the cache is on and the listener is listening.</summary>
    public bool Serving => _serving;

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>How many times every page was dropped: a change was heard, or the listener stopped or started.</summary>
    public long Emptied => Interlocked.Read(ref _generation);

    /// <summary>
    /// The cached page, or <paramref name="read"/>'s (stored when the cache serves); null (not found)
    /// is never stored. A shared read runs to the end whoever asked first: the command timeout bounds it.
    /// </summary>
    public async Task<FeedPage?> GetOrReadAsync(FeedKey key, Func<CancellationToken, Task<FeedPage?>> read, CancellationToken ct)
    {
        if (!_serving) return await read(ct);
        if (_pages.TryGetValue(key, out FeedPage? cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }
        Interlocked.Increment(ref _misses);
        Task<FeedPage?> reading;
        lock (_lock) reading = _reading.GetOrAdd(key, _ => ReadAndStoreAsync(key, read, _generation));
        return await reading.WaitAsync(ct);
    }

    async Task<FeedPage?> ReadAndStoreAsync(FeedKey key, Func<CancellationToken, Task<FeedPage?>> read, long generation)
    {
        await Task.Yield(); // out of the lock before the query starts
        try
        {
            // Taken before the query: the server measured ExpiresIn at a later instant, so the entry ends no later than the activity.
            var started = DateTimeOffset.UtcNow;
            var page = await read(CancellationToken.None);
            if (page is not null) Store(key, page, generation, started);
            return page;
        }
        finally
        {
            lock (_lock)
                if (generation == _generation) _reading.TryRemove(key, out _);
        }
    }

    void Store(FeedKey key, FeedPage page, long generation, DateTimeOffset started)
    {
        if (page.ExpiresIn is { } left && left <= TimeSpan.Zero) return;
        var entry = new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = started + page.ExpiresIn };
        lock (_lock)
        {
            if (_serving && generation == _generation) _pages.Set(key, page, entry);
        }
    }

    /// <summary>Something a feed shows has changed: drop every page.</summary>
    public void Invalidate() => Reset(null);

    /// <summary>The listener listens again: start from empty, since notifications may have been lost meanwhile.</summary>
    public void StartServing() => Reset(enabled);

    /// <summary>The listener is down: serve nothing from memory until it listens again.</summary>
    public void StopServing() => Reset(false);

    void Reset(bool? serving)
    {
        lock (_lock)
        {
            _serving = serving ?? _serving;
            _generation++;
            _pages.Clear();
            _reading.Clear();
        }
    }

    public void Dispose() => _pages.Dispose();
}
