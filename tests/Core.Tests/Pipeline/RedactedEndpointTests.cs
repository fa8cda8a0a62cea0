using MultiTrust.Core.Pipeline;

namespace MultiTrust.Core.Tests.Pipeline;

public sealed class RedactedEndpointTests
{
    [Theory]
    [InlineData("http://alice:s3cret@10.0.0.5:8000/v1", "http://10.0.0.5:8000/v1")]
    [InlineData("https://commentanalyzer.googleapis.com/v1alpha1/comments:analyze?key=AIzaSECRET", "https://commentanalyzer.googleapis.com/v1alpha1/comments:analyze")]
    [InlineData("http://host/v1/chat/completions#frag", "http://host/v1/chat/completions")]
    [InlineData("http://host:8000/v1", "http://host:8000/v1")]
    public void Of_Uri_DropsUserInfoQueryAndFragment(string url, string expected)
    {
        Assert.Equal(expected, RedactedEndpoint.Of(new Uri(url)));
        Assert.Equal(expected, RedactedEndpoint.Of(url));
    }

    [Theory]
    [InlineData("openai-compatible:http://alice:s3cret@host:8000/v1:llava", "openai-compatible:http://host:8000/v1:llava")]
    [InlineData("harmbench=http://bob:pw@h/v1:cls-13b", "harmbench=http://h/v1:cls-13b")]
    [InlineData("http://u:p@bad host/v1?key=SECRET", "http://bad host/v1")]
    [InlineData("not a url at all", "not a url at all")]
    [InlineData("", "")]
    public void Of_TextThatIsNotOneUrl_StillDropsUserInfoAndQuery(string text, string expected)
    {
        Assert.Equal(expected, RedactedEndpoint.Of(text));
    }
}
