using System.Collections.Immutable;
using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Inference;

public sealed partial class ModelInvoker
{
    /// <summary>
    /// The user message: one <see cref="DataContent"/> per image (built from its verified bytes once per image and
    /// cached), then the prompt. Returns an error text naming the image path when an image cannot be read or its bytes
    /// do not match its SHA-256.
    /// </summary>
    private async ValueTask<(ChatMessage? Message, string? Error)> BuildMessageAsync(
        Sample sample, ImmutableArray<ImageRef> images, CancellationToken cancellationToken)
    {
        var contents = new List<AIContent>(images.Length + 1);
        foreach (var image in images)
        {
            if (!_images.TryGet(image.Sha256, out var content))
            {
                byte[] bytes;
                try
                {
                    bytes = await _blobs.ReadAsync(image, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    return (null, $"Image {image.Path} (sha256 {image.Sha256}) could not be read: {Describe(ex)}");
                }

                content = new DataContent(bytes, image.MediaType);
                _images.Add(image.Sha256, content);
            }

            contents.Add(content);
        }

        contents.Add(new TextContent(sample.Prompt));
        return (new ChatMessage(ChatRole.User, contents), null);
    }

    private ChatOptions BuildOptions(Sample sample, string requestHash, Core.Pipeline.GenerationParameters generation)
    {
        // The reference answer and the request seed are for the calibration baselines only: a real model's client (or
        // any middleware around it) never gets the ground truth to serialise or log.
        AdditionalPropertiesDictionary? properties = null;
        if (_options.ProviderKind == ModelInvokerOptions.BaselineProviderKind)
        {
            properties = new AdditionalPropertiesDictionary { [ChatPropertyKeys.RequestSeed] = RequestHasher.SeedOf(requestHash) };
            if (sample.Target.Reference is { } reference)
            {
                properties[ChatPropertyKeys.Reference] = reference;
            }
        }

        return new ChatOptions
        {
            ModelId = _options.ModelName,
            Temperature = (float)generation.Temperature,
            MaxOutputTokens = generation.MaxTokens,
            TopP = generation.TopP is { } topP ? (float)topP : null,
            Seed = generation.Seed,
            AdditionalProperties = properties,
        };
    }
}
