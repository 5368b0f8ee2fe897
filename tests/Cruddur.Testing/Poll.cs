using System.Diagnostics;

namespace Cruddur.Testing;

/// <summary>
/// Waits for a state rather than for a time: checks it, then again every 50 ms until it holds or the
/// bound has passed on the clock. Bounds are generous, so a busy machine slows a test down without failing it.
/// </summary>
public static class Poll
{
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>True once <paramref name="holds"/> does; false when <paramref name="bound"/> passed first.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> holds, TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        while (!await holds())
        {
            if (clock.Elapsed >= bound) return false;
            await Task.Delay(Interval);
        }
        return true;
    }

    public static Task<bool> UntilAsync(Func<bool> holds, TimeSpan bound) => UntilAsync(() => Task.FromResult(holds()), bound);
}
