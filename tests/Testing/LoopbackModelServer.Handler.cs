using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace MultiTrust.Testing;

public sealed partial class LoopbackModelServer
{
    private static readonly byte[] s_malformedBody = """{"id":"chatcmpl-loopback","choices":[{"index":0,"message":{"role":"assistant","content":"unterminated"""u8.ToArray();

    private static readonly string[] s_recordedHeaders = ["authorization", "api-key", "x-api-key", "x-goog-api-key", "anthropic-version"];

    private async Task HandleAsync(HttpContext context)
    {
        WireDialect? dialect = !HttpMethods.IsPost(context.Request.Method) ? null : context.Request.Path.Value switch
        {
            "/v1/chat/completions" => WireDialect.OpenAIChat,
            CompletionsPath => WireDialect.OpenAICompletions,
            "/v1/messages" => WireDialect.Anthropic,
            { } path when path.StartsWith("/openai/deployments/", StringComparison.Ordinal)
                && path.EndsWith("/chat/completions", StringComparison.Ordinal) => WireDialect.AzureOpenAI,
            { } path when path.Contains("/models/", StringComparison.Ordinal)
                && path.EndsWith(":generateContent", StringComparison.Ordinal) => WireDialect.Gemini,
            _ => null,
        };
        Func<HttpContext, Task>? serve = dialect is { } known ? c => ServeAsync(c, known) : !HttpMethods.IsPost(context.Request.Method) ? null : context.Request.Path.Value switch
        {
            ModerationPath => ServeModerationAsync,
            PerspectivePath => ServePerspectiveAsync,
            { } path when path.StartsWith(LongformerPathPrefix, StringComparison.Ordinal) => ServeLongformerAsync,
            _ => null,
        };
        if (serve is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        EnterRequest();
        try
        {
            await serve(context);
        }
        finally
        {
            ExitRequest();
        }
    }

    /// <summary>
    /// Serves one model request in <paramref name="dialect"/>'s wire format: the same recording, <see cref="Reply"/> and
    /// <see cref="Faults"/> for every format; only the request parsing and the answer's and errors' JSON shapes differ.
    /// </summary>
    private async Task ServeAsync(HttpContext context, WireDialect dialect)
    {
        var aborted = context.RequestAborted;
        var reader = context.Request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync(aborted);
            if (read.IsCompleted || read.IsCanceled)
            {
                break;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        var length = checked((int)read.Buffer.Length);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        RecordedRequest request;
        try
        {
            read.Buffer.CopyTo(rented);
            reader.AdvanceTo(read.Buffer.End);
            var body = new ReadOnlyMemory<byte>(rented, 0, length);
            request = Parse(context, dialect, body);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        Record(request);
        if (request.ParseError is not null)
        {
            await WriteErrorAsync(context, dialect, StatusCodes.Status400BadRequest, "invalid request: " + request.ParseError);
            return;
        }

        var fault = Faults.Next(request);
        switch (fault?.Kind)
        {
            case null:
                await WriteAnswerAsync(context, dialect, request, "stop", ReplyFor(request));
                break;
            case FaultKind.Status:
                await WriteErrorAsync(
                    context, dialect, fault.StatusCode, fault.ErrorMessage ?? "injected fault: HTTP " + fault.StatusCode, fault.ErrorCode, fault.RetryAfterSeconds,
                    fault.ProviderSignalOnly);
                break;
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

                await WriteAnswerAsync(context, dialect, request, "stop", ReplyFor(request));
                break;
            case FaultKind.MalformedJson:
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = s_malformedBody.Length;
                await context.Response.Body.WriteAsync(s_malformedBody, aborted);
                break;
            case FaultKind.TruncatedBody:
                var full = AnswerBytes(dialect, request, "stop", ReplyFor(request));
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = full.Length;
                await context.Response.Body.WriteAsync(full.AsMemory(0, full.Length / 2), aborted);
                await context.Response.Body.FlushAsync(aborted);
                context.Abort();
                break;
            case FaultKind.ConnectionReset:
                context.Abort();
                break;
            case FaultKind.ContentFilter:
                await WriteAnswerAsync(context, dialect, request, "content_filter", null);
                break;
            case FaultKind.Length:
                await WriteAnswerAsync(context, dialect, request, "length", ReplyFor(request));
                break;
            case FaultKind.EmptyContent:
                await WriteAnswerAsync(context, dialect, request, "stop", string.Empty);
                break;
            default:
                throw new InvalidOperationException($"Unknown fault kind '{fault.Kind}'.");
        }
    }

    private RecordedRequest Parse(HttpContext context, WireDialect dialect, ReadOnlyMemory<byte> body)
    {
        // Hashing is only needed for the per-body counts; benchmarks (recording off) skip it.
        var sha = _options.RecordRequests ? Convert.ToHexStringLower(SHA256.HashData(body.Span)) : string.Empty;
        var sequence = Interlocked.Increment(ref _totalRequests);
        string? authorization = context.Request.Headers.Authorization;
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in s_recordedHeaders)
        {
            if (context.Request.Headers.TryGetValue(name, out var value))
            {
                headers[name] = value.ToString();
            }
        }

        var path = context.Request.Path.Value ?? string.Empty;
        var shell = new RecordedRequest
        {
            Sequence = sequence,
            BodySha256 = sha,
            BodyLength = body.Length,
            Authorization = authorization,
            Path = path,
            Query = context.Request.QueryString.Value ?? string.Empty,
            Headers = headers,
            Body = _options.CaptureBodies ? body.ToArray() : null,
        };
        var parsed = dialect switch
        {
            WireDialect.OpenAICompletions => ParseCompletionRequest(body, sequence, sha, authorization, _options.CaptureBodies),
            WireDialect.Anthropic => AnthropicRequestParser.Parse(body, shell),
            WireDialect.Gemini => GeminiRequestParser.Parse(body, shell with { Model = path[(path.LastIndexOf("/models/", StringComparison.Ordinal) + 8)..^":generateContent".Length] }),
            _ => ChatRequestParser.Parse(body, sequence, sha, authorization, _options.CaptureBodies),
        };
        parsed = parsed with { Path = shell.Path, Query = shell.Query, Headers = headers };
        return dialect switch
        {
            WireDialect.AzureOpenAI when !context.Request.Query.ContainsKey("api-version") =>
                parsed with { ParseError = "Missing required query parameter 'api-version'" },
            WireDialect.AzureOpenAI => parsed with { Model = path["/openai/deployments/".Length..^"/chat/completions".Length] },
            WireDialect.Anthropic when !headers.ContainsKey("anthropic-version") && parsed.ParseError is null =>
                parsed with { ParseError = "anthropic-version: header is required" },
            _ => parsed,
        };
    }

    private string ReplyFor(RecordedRequest request) =>
        _reply is { } reply ? reply(request)
        : _options.ReferenceJudge && ReferenceJudge.Answer(request.LastUserText ?? string.Empty) is { } judged ? judged
        : DefaultReply(request);

    private async Task WriteAnswerAsync(HttpContext context, WireDialect dialect, RecordedRequest request, string finishReason, string? text)
    {
        context.Response.ContentType = "application/json";
        WriteAnswer(context.Response.BodyWriter, dialect, request, finishReason, text);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private void WriteAnswer(IBufferWriter<byte> output, WireDialect dialect, RecordedRequest request, string finishReason, string? text)
    {
        switch (dialect)
        {
            case WireDialect.OpenAICompletions:
                WriteTextCompletion(output, request, finishReason, text);
                break;
            case WireDialect.Anthropic:
                AnthropicMessageWriter.Write(output, request, finishReason, text, _servedModel);
                break;
            case WireDialect.Gemini:
                GeminiResponseWriter.Write(output, request, finishReason, text, _servedModel);
                break;
            default:
                ChatCompletionWriter.Write(output, request, finishReason, text, _servedModel, _systemFingerprint);
                break;
        }
    }

    private byte[] AnswerBytes(WireDialect dialect, RecordedRequest request, string finishReason, string? text)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        WriteAnswer(buffer, dialect, request, finishReason, text);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// An error in the dialect's shape. A retry delay goes where the API puts it: the <c>Retry-After</c> header (Azure
    /// also <c>retry-after-ms</c>), for Gemini a <c>RetryInfo</c> detail in the body instead.
    /// </summary>
    private static async Task WriteErrorAsync(
        HttpContext context, WireDialect dialect, int status, string message, string? code = null, int? retryAfterSeconds = null,
        bool providerSignalOnly = false)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (providerSignalOnly && retryAfterSeconds is { } only)
        {
            switch (dialect)
            {
                case WireDialect.AzureOpenAI:
                    context.Response.Headers["retry-after-ms"] = (only * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case WireDialect.Anthropic:
                    context.Response.Headers["anthropic-ratelimit-requests-reset"] =
                        DateTimeOffset.UtcNow.AddSeconds(only).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                    break;
            }
        }
        else if (retryAfterSeconds is { } seconds && dialect != WireDialect.Gemini)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (dialect == WireDialect.AzureOpenAI)
            {
                context.Response.Headers["retry-after-ms"] = (seconds * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var output = context.Response.BodyWriter;
        switch (dialect)
        {
            case WireDialect.Anthropic:
                AnthropicMessageWriter.WriteError(output, status, message, code);
                break;
            case WireDialect.Gemini:
                GeminiResponseWriter.WriteError(output, status, message, code, retryAfterSeconds);
                break;
            default:
                ChatCompletionWriter.WriteError(output, status, message, code);
                break;
        }

        await output.FlushAsync(context.RequestAborted);
    }
}
