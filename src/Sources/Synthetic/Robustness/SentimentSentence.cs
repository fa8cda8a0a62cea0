namespace MultiTrust.Sources.Synthetic.Robustness;

/// <summary>A generated sentiment sentence: its text, style and exact label (<c>positive</c> or <c>negative</c>).</summary>
/// <param name="Text">The sentence.</param>
/// <param name="Style">The style it is written in (<c>plain</c>, <c>bible</c>, <c>romantic</c>, <c>shake</c>, <c>tweet</c>).</param>
/// <param name="Label">The sentiment every polarity-carrying phrase of the sentence has.</param>
/// <param name="Subject">What the sentence reviews.</param>
public sealed record SentimentSentence(string Text, string Style, string Label, string Subject);
