using Microsoft.Playwright;

namespace MultiTrust.Report.BrowserTests;

/// <summary>
/// One headless Chromium for the test class, driven by Playwright. It uses the system browser (Debian's
/// <c>chromium</c> package, or the path in <c>MULTITRUST_CHROMIUM</c>) and never downloads one; when it is missing the
/// tests fail with a message that says how to install it.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    private const string DefaultPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("MULTITRUST_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {path}. Install it with 'apt-get update && apt-get install -y chromium' " +
                "(.ci/run does this) or set MULTITRUST_CHROMIUM to a Chromium executable.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
