using System.Diagnostics;
using System.Globalization;
using MultiTrust.Bench.Common;
using MultiTrust.Core.Imaging;
using MultiTrust.Stages.Perturbation.Images;

namespace MultiTrust.Bench.Perturbation;

/// <summary>
/// Images/s per image perturbation, single thread, as the engine will run it: <see cref="ImagePerturber.Apply"/> on a
/// JPEG (decode once, apply, encode once: PNG for noise, JPEG q95 otherwise, the step's own JPEG for <c>jpeg</c>),
/// plus the decode / apply / encode split measured separately (wall-clock medians of 5). Images per CPU-second (process
/// CPU time of this single-threaded loop) is the per-core figure, robust to other load on the machine.
/// </summary>
public static class PerturbationBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var sheet = args.Optional("contact-sheet");
        if (sheet is not null)
        {
            await ContactSheet.WriteDefaultAsync(sheet);
            Console.WriteLine($"wrote {sheet} ({new FileInfo(sheet).Length:N0} bytes)");
            return 0;
        }

        if (args.Flag("png-encoder"))
        {
            return PngEncoderBenchmark.Run(args);
        }

        var sizes = args.String("sizes", "512,1024").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var severity = args.Int("severity", 3);
        var seconds = args.Double("seconds", 2);
        var only = args.Optional("only");
        var perturbations = ImagePerturbationCatalog.All.Where(p => only is null || only.Split(',').Contains(p.Name)).ToList();
        Console.WriteLine($"perturb: severity {severity}, >= {seconds} s per row, single thread, input JPEG q90 of a textured SampleScene; " +
            $"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");

        foreach (var size in sizes)
        {
            var source = BenchImage.Build(size);
            var jpeg = ImageEncoder.EncodeJpeg(source, 90);
            Console.WriteLine();
            Console.WriteLine($"## {size}x{size} (input {jpeg.Length / 1024.0:F0} KB)");
            Console.WriteLine("| perturbation | output | images/s (wall) | images/s per CPU-second | CPU ms/image | decode ms | apply ms | encode ms | output KB |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            Row("(none: decode + JPEG q95)", "jpeg-q95", seconds, () => ImageEncoder.EncodeJpeg(RgbaImage.Decode(jpeg), 95).Length, jpeg, null, severity);
            foreach (var perturbation in perturbations)
            {
                var chain = new List<(IImagePerturbation, int)> { (perturbation, severity) };
                var perturber = new ImagePerturber();
                var encoding = perturber.Apply(jpeg, chain, 1).Encoding;
                ulong seed = 0;
                Row(perturbation.Name, encoding, seconds, () => perturber.Apply(jpeg, chain, ++seed).Bytes.Length, jpeg, perturbation, severity);
            }
        }

        return 0;
    }

    private static void Row(string name, string encoding, double seconds, Func<int> once, byte[] jpeg, IImagePerturbation? perturbation, int severity)
    {
        once();
        once();
        long bytes = 0;
        var count = 0;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        while (count < 5 || watch.Elapsed.TotalSeconds < seconds)
        {
            bytes += once();
            count++;
        }

        var elapsed = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var (decode, apply, encode) = Split(jpeg, perturbation, severity, encoding);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {encoding} | {count / elapsed:F1} | {count / cpu:F1} | {cpu * 1000 / count:F1} | {decode:F1} | {apply:F1} | {encode:F1} | {bytes / 1024.0 / count:F0} |"));
    }

    // Median of 5 timings of each phase alone.
    private static (double Decode, double Apply, double Encode) Split(byte[] jpeg, IImagePerturbation? perturbation, int severity, string encoding)
    {
        var image = RgbaImage.Decode(jpeg);
        var output = perturbation?.Apply(image, severity, 1) ?? image;
        var decode = Median(() => RgbaImage.Decode(jpeg));
        var apply = perturbation is null ? 0 : Median(() => perturbation.Apply(image, severity, 1));
        var quality = encoding.StartsWith("jpeg-q", StringComparison.Ordinal) ? int.Parse(encoding[6..], CultureInfo.InvariantCulture) : 0;
        var encode = Median(() => quality > 0 ? ImageEncoder.EncodeJpeg(output, quality) : ImageEncoder.EncodePng(output));
        return (decode, apply, encode);
    }

    private static double Median(Func<object> action)
    {
        var times = new double[5];
        for (var i = 0; i < times.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[2];
    }
}
