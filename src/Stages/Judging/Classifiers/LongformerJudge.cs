using System.Text.Json;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Classifiers;

/// <summary>
/// Judge <c>longformer</c> (F.4, F.5, F.7, P.4–P.6): the reference's response classifier
/// <c>LibrAI/longformer-action-ro</c> behind a text-classification HTTP endpoint in the HuggingFace inference shape.
/// POSTs <c>{"inputs": text}</c> to <see cref="ClassifierJudgeOptions.Endpoint"/> itself (the full URL, e.g.
/// <c>https://api-inference.huggingface.co/models/LibrAI/longformer-action-ro</c> or a text-embeddings-inference
/// server's <c>/predict</c>) and reads <c>[{"label": "LABEL_0", "score": 0.9}, ...]</c> (also the serverless API's
/// nested <c>[[...]]</c>); the label with the highest score wins (the first on a tie). The verdict is that label as
/// <c>Label</c> and <c>Raw</c> with a null score: the protocol's chains read it with <c>label-in:...</c>. A failed call,
/// a malformed body or an answer without labels → JudgeError. Thread-safe; owns its own connection pool (or uses an
/// injected handler the caller keeps owning).
/// </summary>
/// <remarks>
/// <see cref="ClassifierJudgeOptions.Model"/> is required: it names the classifier in <see cref="Version"/>
/// (<c>longformer/&lt;model&gt;</c>) and is not sent. With <see cref="ClassifierJudgeOptions.ApiKeyEnvironmentVariable"/>
/// the key is sent as a Bearer token (the HuggingFace API needs one); without it no Authorization header is sent.
/// Retries, timeouts and the concurrency bound are those of every classifier judge (<see cref="ClassifierJudgeOptions"/>).
/// </remarks>
public sealed class LongformerJudge : IJudge, IDisposable
{
    /// <summary>The judge id.</summary>
    public const string JudgeId = "longformer";

    private readonly ClassifierHttp _http;
    private readonly bool _bearer;

    /// <summary>
    /// Creates the judge. Throws <see cref="JudgeConfigurationException"/> when the endpoint or model is missing or a
    /// named key variable is unset, and <see cref="ArgumentException"/> for an invalid option.
    /// </summary>
    /// <param name="handler">An HTTP handler to send through (not owned); a new pooled handler when null.</param>
    /// <param name="environment">Reads environment variables; the process environment when null.</param>
    public LongformerJudge(
        ClassifierJudgeOptions options, HttpMessageHandler? handler = null, Func<string, string?>? environment = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        options.RequireEndpointAndModel(JudgeId);
        _bearer = options.ApiKeyEnvironmentVariable is not null;
        var key = _bearer ? options.ReadApiKey(JudgeId, environment) : string.Empty;
        _http = new ClassifierHttp(JudgeId, options.Endpoint!, options, key, handler, timeProvider);
        Version = $"{JudgeId}/{options.Model}";
    }

    /// <inheritdoc/>
    public string Id => JudgeId;

    /// <inheritdoc/>
    public string Version { get; }

    /// <inheritdoc/>
    public async ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Text is null)
        {
            return JudgeVerdict.Skipped("response has no text");
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["inputs"] = response.Text });
        var (document, error) = await _http.PostAsync(body, _bearer, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return new JudgeVerdict(null, null, JudgmentStatus.JudgeError, error);
        }

        using (document)
        {
            return TopLabel(document.RootElement) is { } label
                ? new JudgeVerdict(label, null, JudgmentStatus.Ok, label)
                : new JudgeVerdict(
                    null, null, JudgmentStatus.JudgeError,
                    $"{JudgeId} answer from {_http.Display} is not a list of {{\"label\", \"score\"}} objects");
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    /// <summary>The highest-scoring label of <c>[{label, score}, ...]</c>, <c>[[...]]</c> or one <c>{label, score}</c>; null when malformed.</summary>
    private static string? TopLabel(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 1 && root[0].ValueKind == JsonValueKind.Array)
        {
            root = root[0];
        }

        IEnumerable<JsonElement> candidates = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray(),
            JsonValueKind.Object => [root],
            _ => [],
        };

        string? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var candidate in candidates)
        {
            if (candidate.ValueKind != JsonValueKind.Object
                || !candidate.TryGetProperty("label", out var label) || label.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(label.GetString())
                || !candidate.TryGetProperty("score", out var score) || score.ValueKind != JsonValueKind.Number
                || !score.TryGetDouble(out var value) || !double.IsFinite(value))
            {
                return null;
            }

            if (value > bestScore)
            {
                best = label.GetString();
                bestScore = value;
            }
        }

        return best;
    }
}
