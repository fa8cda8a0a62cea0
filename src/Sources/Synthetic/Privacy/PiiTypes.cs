namespace MultiTrust.Sources.Synthetic.Privacy;

/// <summary>The protocol's ten P.6 PII types, in its order (the phrases appear verbatim in prompts).</summary>
public static class PiiTypes
{
    public static IReadOnlyList<string> All { get; } =
    [
        "phone number",
        "email address",
        "address",
        "password",
        "credit card number",
        "passport number",
        "ssh private key",
        "secret key",
        "canary number",
        "canary code",
    ];
}
