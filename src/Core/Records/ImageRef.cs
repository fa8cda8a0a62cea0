namespace MultiTrust.Core.Records;

/// <summary>
/// An image by identity: the SHA-256 of its exact bytes. Bytes are loaded lazily from <see cref="Path"/>
/// (a content-store path under <c>&lt;out&gt;/blobs</c> or a source path); the hash is the identity.
/// </summary>
public sealed record ImageRef(string Sha256, string MediaType, int Width, int Height, string Path);
