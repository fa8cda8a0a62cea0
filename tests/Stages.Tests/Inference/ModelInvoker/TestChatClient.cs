using Microsoft.Extensions.AI;

namespace MultiTrust.Stages.Tests.Inference.Invoking;

/// <summary>A hand-written <see cref="IChatClient"/> fake whose behaviour is a callback; records the calls it gets.</summary>
internal sealed class TestChatClient : IChatClient
{
    private int _calls;

    public Func<IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>> GetResponseAsyncCallback { get; set; } =
        (_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")) { FinishReason = ChatFinishReason.Stop });

    public int Calls => Volatile.Read(ref _calls);

    public IReadOnlyList<ChatMessage>? LastMessages { get; private set; }

    public ChatOptions? LastOptions { get; private set; }

    public static TestChatClient Returning(string? text, ChatFinishReason? finish = null, UsageDetails? usage = null) => new()
    {
        GetResponseAsyncCallback = (_, _, _) => Task.FromResult(
            new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { FinishReason = finish ?? ChatFinishReason.Stop, Usage = usage }),
    };

    public static TestChatClient Throwing(Exception exception) => new()
    {
        GetResponseAsyncCallback = (_, _, _) => Task.FromException<ChatResponse>(exception),
    };

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        var list = messages.ToList();
        LastMessages = list;
        LastOptions = options;
        return GetResponseAsyncCallback(list, options, cancellationToken);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("TestChatClient does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
