using System.Net;
using System.Text;

namespace MultiTrust.Bench.Micro;

/// <summary>An in-memory handler that drains the request body and answers a fixed chat completion (no sockets).</summary>
public sealed class CannedResponseHandler : HttpMessageHandler
{
    private static readonly byte[] s_body = Encoding.UTF8.GetBytes(
        """{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"bench-model","choices":[{"index":0,"message":{"role":"assistant","content":"Yes, there is a red car parked in front of the building."},"finish_reason":"stop"}],"usage":{"prompt_tokens":40,"completion_tokens":12,"total_tokens":52}}""");

    public long LastRequestBytes { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        LastRequestBytes = body.Length;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(s_body) };
    }
}
