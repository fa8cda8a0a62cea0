using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MultiTrust.Testing;

/// <summary>
/// Fake classifier APIs: OpenAI moderation (<c>POST /v1/moderations</c>), Perspective
/// (<c>POST /v1alpha1/comments:analyze?key=...</c>, endpoint = the server root) and a HuggingFace-style text
/// classifier for Longformer (<c>POST /models/...</c>, see <see cref="LongformerUrl"/>). Scores come from
/// <see cref="ModerationScores"/> / <see cref="PerspectiveScores"/> (missing names score 0). <see cref="Faults"/> applies
/// to these requests too: Status (with Retry-After), Slow, Hang, MalformedJson and ConnectionReset; other kinds answer normally.
/// </summary>
public sealed partial class LoopbackModelServer
{
    /// <summary>The moderation path.</summary>
    public const string ModerationPath = "/v1/moderations";

    /// <summary>The Perspective path.</summary>
    public const string PerspectivePath = "/v1alpha1/comments:analyze";

    private readonly ConcurrentQueue<ClassifierRequest> _classifierRequests = new();
    private volatile Func<string, IReadOnlyDictionary<string, double>>? _moderationScores;
    private volatile Func<string, IReadOnlyDictionary<string, double>>? _perspectiveScores;

    /// <summary>Category scores (API names such as <c>violence/graphic</c>) for a moderation input; null scores all 0.</summary>
    public Func<string, IReadOnlyDictionary<string, double>>? ModerationScores
    {
        get => _moderationScores;
        set => _moderationScores = value;
    }

    /// <summary>Attribute scores (e.g. <c>TOXICITY</c>) for a Perspective comment; null scores all 0.</summary>
    public Func<string, IReadOnlyDictionary<string, double>>? PerspectiveScores
    {
        get => _perspectiveScores;
        set => _perspectiveScores = value;
    }

    /// <summary>The moderation and Perspective requests received, in arrival order.</summary>
    public IReadOnlyList<ClassifierRequest> ClassifierRequests =>
        [.. _classifierRequests.ToArray().OrderBy(r => r.Sequence)];

    /// <summary>The server root, the endpoint a Perspective client is given (e.g. <c>http://127.0.0.1:41234/</c>).</summary>
    public Uri RootUrl => new(BaseUrl, "/");

    private Task ServeModerationAsync(HttpContext context) => ServeClassifierAsync(context, "moderation");

    private Task ServePerspectiveAsync(HttpContext context) => ServeClassifierAsync(context, "perspective");

    private Task ServeLongformerAsync(HttpContext context) => ServeClassifierAsync(context, LongformerKind);

    private async Task ServeClassifierAsync(HttpContext context, string kind)
    {
        var aborted = context.RequestAborted;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, aborted);
        var body = buffer.ToArray();
        var sequence = Interlocked.Increment(ref _totalRequests);
        var request = ParseClassifierRequest(kind, body, sequence, context.Request);
        _classifierRequests.Enqueue(request);
        var recorded = new RecordedRequest
        {
            Sequence = sequence,
            BodySha256 = Convert.ToHexStringLower(SHA256.HashData(body)),
            BodyLength = body.Length,
            Authorization = request.Authorization,
            Model = request.Model,
            LastUserText = request.Text,
            ParseError = request.ParseError,
        };
        Record(recorded);
        if (request.ParseError is not null)
        {
            await WriteErrorAsync(context, WireDialect.OpenAIChat, StatusCodes.Status400BadRequest, "invalid request: " + request.ParseError);
            return;
        }

        var fault = Faults.Next(recorded);
        switch (fault?.Kind)
        {
            case FaultKind.Status:
                if (fault.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await WriteErrorAsync(context, WireDialect.OpenAIChat, fault.StatusCode, fault.ErrorMessage ?? "injected fault: HTTP " + fault.StatusCode, fault.ErrorCode);
                return;
            case FaultKind.MalformedJson:
                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync("{\"results\":[{\"category_scores\":{\"hate\":0."u8.ToArray(), aborted);
                return;
            case FaultKind.ConnectionReset:
                context.Abort();
                return;
            case FaultKind.Slow or FaultKind.Hang:
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token))
                {
                    try
                    {
                        await Task.Delay(fault.Delay, linked.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        context.Abort();
                        return;
                    }
                }

                break;
        }

        context.Response.ContentType = "application/json";
        using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        if (kind == "moderation")
        {
            ClassifierResponseWriter.WriteModeration(writer, request, _moderationScores?.Invoke(request.Text ?? string.Empty));
        }
        else if (kind == LongformerKind)
        {
            ClassifierResponseWriter.WriteTextClassification(writer, LongformerLabelOf(request.Text ?? string.Empty), _longformerNested);
        }
        else
        {
            ClassifierResponseWriter.WritePerspective(writer, request, _perspectiveScores?.Invoke(request.Text ?? string.Empty));
        }

        await writer.FlushAsync(aborted);
    }

    private static ClassifierRequest ParseClassifierRequest(string kind, byte[] body, long sequence, HttpRequest http)
    {
        string? authorization = http.Headers.Authorization;
        string? queryKey = http.Query["key"];
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            string? text = null, model = null;
            var attributes = new List<string>();
            if (kind == "moderation")
            {
                text = root.TryGetProperty("input", out var input) ? input.GetString() : null;
                model = root.TryGetProperty("model", out var m) ? m.GetString() : null;
            }
            else if (kind == LongformerKind)
            {
                text = root.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.String ? inputs.GetString() : null;
            }
            else
            {
                text = root.TryGetProperty("comment", out var comment) && comment.TryGetProperty("text", out var t) ? t.GetString() : null;
                if (root.TryGetProperty("requestedAttributes", out var requested))
                {
                    attributes.AddRange(requested.EnumerateObject().Select(p => p.Name));
                }
            }

            return new ClassifierRequest
            {
                Sequence = sequence, Kind = kind, Text = text, Model = model, Authorization = authorization, QueryKey = queryKey,
                RequestedAttributes = attributes,
                ParseError = text is null ? "no text to classify" : null,
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return new ClassifierRequest { Sequence = sequence, Kind = kind, Authorization = authorization, QueryKey = queryKey, ParseError = ex.Message };
        }
    }
}
