using Microsoft.Playwright;

namespace MultiTrust.Report.BrowserTests;

/// <summary>A report file opened in a fresh browser context, with every console error, page error and request recorded.</summary>
internal sealed class OpenedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private OpenedPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public List<string> Requests { get; } = [];

    public static async Task<OpenedPage> OpenAsync(IBrowser browser, string file, int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = true, // the report has no script; enabled so an injected one would run and be caught
        });
        var opened = new OpenedPage(context, await context.NewPageAsync());
        opened.Page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                opened.Errors.Add($"console {message.Type}: {message.Text}");
            }
        };
        opened.Page.PageError += (_, error) => opened.Errors.Add("page error: " + error);
        opened.Page.Request += (_, request) => opened.Requests.Add(request.Url);
        await opened.Page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return opened;
    }

    /// <summary>The number of drawn bars in each chart figure, by figure id.</summary>
    public async Task<Dictionary<string, int>> BarsPerChartAsync() =>
        await Page.EvaluateAsync<Dictionary<string, int>>(
            "() => Object.fromEntries([...document.querySelectorAll('figure.chart')].map(f => [f.id, f.querySelectorAll('svg.chart-svg rect.bar').length]))");

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
