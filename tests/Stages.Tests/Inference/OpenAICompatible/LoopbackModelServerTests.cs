using System.Net;
using System.Security.Cryptography;
using System.Text;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Inference.OpenAICompatible;

/// <summary>The loopback server's own contract, driven with a raw HttpClient.</summary>
public sealed class LoopbackModelServerTests
{
    private const string Body = """{"model":"m","messages":[{"role":"user","content":"hello there"}]}""";

    [Fact]
    public async Task StartAsync_Always_BindsLoopbackBaseUrlEndingInV1()
    {
        await using var server = await LoopbackModelServer.StartAsync();

        Assert.Equal("127.0.0.1", server.BaseUrl.Host);
        Assert.NotEqual(0, server.BaseUrl.Port);
        Assert.EndsWith("/v1", server.BaseUrl.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameBodyTwice_CountedPerBodyHash()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var http = new HttpClient();

        await PostAsync(http, server, Body);
        await PostAsync(http, server, Body);
        await PostAsync(http, server, Body.Replace("hello", "bye", StringComparison.Ordinal));

        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body)));
        Assert.Equal(2, server.RequestCountForBody(sha));
        Assert.Equal(3, server.TotalRequests);
        Assert.Equal([1L, 2L, 3L], server.Requests.Select(r => r.Sequence));
    }

    [Fact]
    public async Task Post_PolicyFailsEveryThirdRequest_OnlyThoseFail()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = r => r.Sequence % 3 == 0 ? Fault.ServerError() : null;
        using var http = new HttpClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await PostAsync(http, server, Body);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.InternalServerError],
            statuses);
    }

    [Fact]
    public async Task Post_TooManyRequestsFault_CarriesRetryAfterHeader()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.TooManyRequests(retryAfterSeconds: 1));
        using var http = new HttpClient();

        using var throttled = await PostAsync(http, server, Body);
        using var normal = await PostAsync(http, server, Body);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        Assert.Equal(0, server.Faults.Pending);
    }

    [Fact]
    public async Task Post_HangFault_NeverAnswersAndIsReleasedWhenTheClientGivesUp()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.Hang());
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PostAsync(http, server, Body));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (server.InFlight > 0)
        {
            await Task.Delay(10, guard.Token);
        }

        using var normal = await PostAsync(http, server, Body);
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
    }

    [Fact]
    public async Task Post_UnparseableBody_Returns400AndRecordsParseError()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var http = new HttpClient();

        using var response = await PostAsync(http, server, "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(server.LastRequest!.ParseError);
    }

    [Fact]
    public async Task Post_RecordingOff_KeepsTotalsOnly()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { RecordRequests = false });
        using var http = new HttpClient();

        using var response = await PostAsync(http, server, Body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, server.TotalRequests);
        Assert.Empty(server.Requests);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, LoopbackModelServer server, string body) =>
        http.PostAsync(new Uri(server.BaseUrl + "/chat/completions"), new StringContent(body, Encoding.UTF8, "application/json"));
}
