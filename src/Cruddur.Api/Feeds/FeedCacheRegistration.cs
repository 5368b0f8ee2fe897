namespace Cruddur.Api.Feeds;

public static class FeedCacheRegistration
{
    /// <summary>The cache, and its listener unless <see cref="ApiSettings.FeedCache"/> is off.</summary>
    public static IServiceCollection AddFeedCache(this IServiceCollection services, ApiSettings settings)
    {
        services.AddSingleton(new FeedCache(settings.FeedCache));
        if (settings.FeedCache)
            services.AddHostedService(provider => new FeedListener(
                ApiDatabase.CreateListener(settings.Database), provider.GetRequiredService<FeedCache>(), provider.GetRequiredService<ILogger<FeedListener>>()));
        return services;
    }
}
