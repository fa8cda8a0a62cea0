using System.ComponentModel;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Records;
using MultiTrust.Core.Storage;
using MultiTrust.Sources.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary>
/// <c>multitrust image SHA256</c>: copies one stored image out of the content store (its packs, or the one file per
/// image of older runs) into a file, so an analyst can open an image a query pointed at.
/// </summary>
public sealed class ImageCommand(CliEnvironment environment) : AsyncCommand<ImageCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SHA256>")]
        [Description("The image's SHA-256, as in the image_sha256s / image_sha256 columns.")]
        public string Sha256 { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Output folder holding blobs/ (default: out, as in `run`).")]
        public string Output { get; init; } = "out";

        [CommandOption("-o|--output-file <FILE>")]
        [Description("Where to write the image (default: <sha256>.png or .jpg in the current folder).")]
        public string? File { get; init; }

        public override ValidationResult Validate() =>
            Sha256.Length == 64 && Sha256.All(char.IsAsciiHexDigit)
                ? ValidationResult.Success()
                : ValidationResult.Error($"'{Sha256}' is not a SHA-256 (64 hex digits); take one from the image_sha256s column.");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var outDir = Path.GetFullPath(settings.Output, environment.WorkingDirectory);
        if (!Directory.Exists(BlobLayout.Root(outDir)))
        {
            throw new UserError($"{outDir} holds no content store (no {BlobLayout.FolderName}/ folder); pass the run's --out DIR.");
        }

        var sha = settings.Sha256.ToLowerInvariant();
        byte[]? bytes = null;
        using (var store = new FileBlobStore(outDir))
        {
            // The media type only matters for the one-file-per-image layout, where it is the file's extension.
            foreach (var mediaType in new[] { "image/png", "image/jpeg" })
            {
                try
                {
                    bytes = await store.ReadAsync(new ImageRef(sha, mediaType, 1, 1, string.Empty), cancellationToken);
                    break;
                }
                catch (FileNotFoundException)
                {
                }
                catch (InvalidDataException e)
                {
                    throw new UserError($"Image {sha} is damaged in the content store of {outDir}: {e.Message}", ExitCodes.Failed);
                }
            }
        }

        if (bytes is null)
        {
            throw new UserError($"Image {sha} is not in the content store of {outDir}.", ExitCodes.Failed);
        }

        var extension = bytes is [0xFF, 0xD8, ..] ? "jpg" : "png";
        var target = Path.GetFullPath(settings.File ?? $"{sha}.{extension}", environment.WorkingDirectory);
        await AtomicFile.WriteAsync(target, bytes, overwrite: true, cancellationToken);
        environment.Console.Profile.Out.Writer.WriteLine(target);
        environment.Console.Profile.Out.Writer.Flush();
        return ExitCodes.Ok;
    }
}
