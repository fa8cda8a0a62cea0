using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace MultiTrust.Testing;

public sealed partial class LoopbackModelServer
{
    private static readonly byte[] s_malformedBody = """{"id":"chatcmpl-loopback","choices":[{"index":0,"message":{"role":"assistant","content":"unterminated"""u8.ToArray();

    private async Task HandleAsync(HttpContext context)
    {
        Func<HttpContext, Task>? serve = !HttpMethods.IsPost(context.Request.Method) ? null : context.Request.Path.Value switch
        {
            "/v1/chat/completions" => ServeChatAsync,
            CompletionsPath => ServeCompletionsAsync,
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

    private Task ServeChatAsync(HttpContext context) => ServeAsync(context, completions: false);

    /// <summary>
    /// Serves a chat-completions or (when <paramref name="completions"/>) a raw-text completions request: same recording,
    /// <see cref="Reply"/> and <see cref="Faults"/>; only the request parsing and the answer's JSON shape differ.
    /// </summary>
    private async Task ServeAsync(HttpContext context, bool completions)
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
            // Hashing is only needed for the per-body counts; benchmarks (recording off) skip it.
            var sha = _options.RecordRequests ? Convert.ToHexStringLower(SHA256.HashData(body.Span)) : string.Empty;
            var sequence = Interlocked.Increment(ref _totalRequests);
            string? authorization = context.Request.Headers.Authorization;
            request = completions
                ? ParseCompletionRequest(body, sequence, sha, authorization, _options.CaptureBodies)
                : ChatRequestParser.Parse(body, sequence, sha, authorization, _options.CaptureBodies);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        Record(request);
        if (request.ParseError is not null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid request: " + request.ParseError);
            return;
        }

        var fault = Faults.Next(request);
        switch (fault?.Kind)
        {
            case null:
                await WriteAnswerAsync(context, completions, request, "stop", ReplyFor(request));
                break;
            case FaultKind.Status:
                if (fault.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await WriteErrorAsync(context, fault.StatusCode, fault.ErrorMessage ?? "injected fault: HTTP " + fault.StatusCode, fault.ErrorCode);
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

                await WriteAnswerAsync(context, completions, request, "stop", ReplyFor(request));
                break;
            case FaultKind.MalformedJson:
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = s_malformedBody.Length;
                await context.Response.Body.WriteAsync(s_malformedBody, aborted);
                break;
            case FaultKind.TruncatedBody:
                var full = AnswerBytes(completions, request, "stop", ReplyFor(request));
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
                await WriteAnswerAsync(context, completions, request, "content_filter", null);
                break;
            case FaultKind.Length:
                await WriteAnswerAsync(context, completions, request, "length", ReplyFor(request));
                break;
            case FaultKind.EmptyContent:
                await WriteAnswerAsync(context, completions, request, "stop", string.Empty);
                break;
            default:
                throw new InvalidOperationException($"Unknown fault kind '{fault.Kind}'.");
        }
    }

    private string ReplyFor(RecordedRequest request) =>
        _reply is { } reply ? reply(request)
        : _options.ReferenceJudge && ReferenceJudge.Answer(request.LastUserText ?? string.Empty) is { } judged ? judged
        : DefaultReply(request);

    private async Task WriteAnswerAsync(HttpContext context, bool completions, RecordedRequest request, string finishReason, string? text)
    {
        context.Response.ContentType = "application/json";
        if (completions)
        {
            WriteTextCompletion(context.Response.BodyWriter, request, finishReason, text);
        }
        else
        {
            ChatCompletionWriter.Write(context.Response.BodyWriter, request, finishReason, text, _servedModel, _systemFingerprint);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string message, string? code = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        ChatCompletionWriter.WriteError(context.Response.BodyWriter, status, message, code);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
