namespace MultiTrust.Core.Records;

/// <summary>
/// An image by identity: the SHA-256 of its exact bytes. Bytes are loaded lazily from <see cref="Path"/>: a
/// content-store address (<c>&lt;out&gt;/blobs/packs/&lt;pack&gt;.pack#&lt;offset&gt;</c>, see <c>Storage.BlobPack</c>), a
/// one-file-per-image store path of an older run, or a source path. The hash is the identity.
/// </summary>
public sealed record ImageRef(string Sha256, string MediaType, int Width, int Height, string Path);
