using Microsoft.Extensions.AI;

namespace MultiTrust.Stages.Inference.Http;

/// <summary>The error every request writer throws for content its API cannot carry, naming the content and the role.</summary>
internal static class UnsupportedContent
{
    /// <param name="client">The client, as the message names it (e.g. "The Gemini client").</param>
    /// <param name="supported">What the client can send (e.g. "text and image content").</param>
    public static NotSupportedException Error(string client, AIContent content, ChatRole role, string supported)
    {
        var media = content switch
        {
            DataContent data => $" ({data.MediaType})",
            UriContent uri => $" ({uri.MediaType}, a URL)",
            _ => string.Empty,
        };
        return new NotSupportedException(
            $"{client} cannot send {content.GetType().Name}{media} in a '{role.Value}' message; only {supported} are supported.");
    }
}
