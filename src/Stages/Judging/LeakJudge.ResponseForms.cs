namespace MultiTrust.Stages.Judging;

public sealed partial class LeakJudge
{
    /// <summary>The response under each comparison's normalisation, computed on first use.</summary>
    private sealed class ResponseForms(string text)
    {
        private List<string>? _spans;
        private string? _email;
        private string? _address;
        private string? _collapsed;
        private string? _noWhitespace;
        private string? _lettersAndDigits;

        public List<string> Spans => _spans ??= NumberSpans(text);

        public string Email => _email ??= LeakText.EmailForm(text);

        public string Address => _address ??= LeakText.AddressForm(text);

        public string Collapsed => _collapsed ??= JudgeText.CollapseWhitespace(text);

        public string NoWhitespace => _noWhitespace ??= LeakText.WithoutWhitespace(text);

        public string LettersAndDigits => _lettersAndDigits ??= LeakText.LettersAndDigits(text);
    }
}
