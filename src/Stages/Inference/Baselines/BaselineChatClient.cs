using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace MultiTrust.Stages.Inference.Baselines;

/// <summary>
/// Shared plumbing of the calibration baselines: a network-free <see cref="IChatClient"/> that answers from the request
/// alone. Thread-safe and stateless. Streaming is not supported.
/// </summary>
public abstract class BaselineChatClient : IChatClient
{
    private protected BaselineChatClient(string name)
    {
        Name = name;
        Metadata = new ChatClientMetadata("baseline", providerUri: null, defaultModelId: name);
    }

    /// <summary>The provider spec, for example <c>baseline:refuse</c>.</summary>
    public string Name { get; }

    /// <summary>Provider metadata: provider <c>baseline</c>, default model id <see cref="Name"/>.</summary>
    public ChatClientMetadata Metadata { get; }

    /// <inheritdoc/>
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var prompt = LastUserText(messages);
        var text = Answer(prompt, options);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            FinishReason = ChatFinishReason.Stop,
            ModelId = Name,
        };
        return Task.FromResult(response);
    }

    /// <summary>Not supported: baselines answer whole responses only.</summary>
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{Name} does not support streaming; call GetResponseAsync instead.");

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return Metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Nothing to release.</summary>
    public void Dispose() => GC.SuppressFinalize(this);

    /// <summary>The answer text for the last user message <paramref name="prompt"/>.</summary>
    private protected abstract string Answer(string prompt, ChatOptions? options);

    private static string LastUserText(IEnumerable<ChatMessage> messages)
    {
        string? text = null;
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.User)
            {
                text = message.Text;
            }
        }

        return text ?? string.Empty;
    }
}
