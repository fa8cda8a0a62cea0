using MultiTrust.Core.Contracts;
using MultiTrust.Core.Imaging;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Imaging;
using MultiTrust.Sources.Storage;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.CrossModal;

namespace MultiTrust.Sources.Tests.Synthetic;

/// <summary>
/// A stand-in <see cref="PerturbationKit"/> for the generator tests (the real one joins the perturbation stage and is
/// tested with the bindings): 4×4 solid images whose colour encodes kind and seed, and a text perturbation that appends
/// its name, severity and seed, so tests can see which applied.
/// </summary>
internal static class CrossModalTestKit
{
    public static PerturbationKit Kit { get; } = new(Image, Perturb);

    public static TaskInfo R3 { get; } = new("r3-ood-text", "R.3", "Robustness", "R.O", "Sentiment Analysis for OOD Texts", ["accuracy"]);

    public static TaskInfo R6 { get; } = new("r6-adversarial-text", "R.6", "Robustness", "R.A", "Textual Adversarial Attack", ["accuracy"]);

    public static TaskInfo S3 { get; } = new("s3-toxic-content-generation", "S.3", "Safety", "S.T", "Toxic Content Generation", ["rta"]);

    public static TaskInfo S6 { get; } = new("s6-crossmodal-jailbreaking", "S.6", "Safety", "S.J", "Cross-modal Influence on Jailbreaking", ["asr", "rta"]);

    public static TaskInfo F7 { get; } = new("f7-subjective-preference", "F.7", "Fairness", "F.B", "Preference Selection in QA", ["rta"]);

    /// <summary>Samples 0..count-1 through <see cref="SyntheticSource"/> with the given parallel window.</summary>
    public static async Task<List<Sample>> CollectAsync(IIndexedSampleGenerator generator, TaskInfo task, long seed, int count, string root, int parallelism = 4)
    {
        var source = new SyntheticSource(_ => generator) { Parallelism = parallelism };
        var samples = new List<Sample>();
        await foreach (var sample in source.ReadAsync(task, new TaskGenerationContext(seed, count, new FileBlobStore(root)), CancellationToken.None))
        {
            samples.Add(sample);
        }

        Assert.Equal(count, samples.Count);
        return samples;
    }

    private static RenderedImage Image(string kind, int width, int height, ulong seed)
    {
        var pixels = new byte[4 * 4 * 3];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            pixels[i] = (byte)kind[0];
            pixels[i + 1] = (byte)seed;
            pixels[i + 2] = (byte)(seed >> 8);
        }

        return new RenderedImage(PngEncoder.Encode(pixels, 4, 4, 3), 4, 4, "image/png");
    }

    private static string Perturb(string text, string name, int severity, ulong seed) => $"{text} <{name}:{severity}:{seed % 1000}>";
}
