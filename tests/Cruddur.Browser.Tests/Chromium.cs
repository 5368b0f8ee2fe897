using Microsoft.Playwright;

namespace Cruddur.Browser.Tests;

/// <summary>Debian's chromium, headless, on a fresh profile that is removed afterwards; Playwright drives it.</summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    readonly IPlaywright _playwright;
    readonly string _profile;

    Chromium(IPlaywright playwright, IBrowserContext context, string profile) => (_playwright, Context, _profile) = (playwright, context, profile);

    public IBrowserContext Context { get; }

    public static async Task<Chromium> StartAsync()
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing (./cruddur test installs it: apt-get install chromium)");
        var profile = Directory.CreateTempSubdirectory("cruddur-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            Timeout = 60_000,
        });
        return new Chromium(playwright, context, profile);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _playwright.Dispose();
        Directory.Delete(_profile, recursive: true);
    }
}
