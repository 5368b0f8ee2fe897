namespace Cruddur.Api;

/// <summary>A host lifetime that listens to no signal: whoever runs the app stops it.</summary>
sealed class CallerStopsLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
