using System.Text.Json;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging.Records;

namespace MultiTrust.Stages.Tests.Judging.Records;

public sealed class JudgeRecordTests
{
    [Fact]
    public void Parse_AllFields_MapsToSampleAndResponse()
    {
        var result = JudgeRecord.Parse("""
            {"id":"x1","prompt":"Which colour?","response":"B","target":"B","secrets":["555-123-4567","a@example.com"],"options":["red","blue"],"accept":["blue","navy"],"extra":{"k":1}}
            """);

        var record = Assert.IsType<JudgeRecord>(result.Record);
        Assert.True(result.IsSuccess);
        Assert.Equal("Which colour?", record.Sample.Prompt);
        Assert.Equal("B", record.Sample.Target.Expected);
        Assert.Equal(new[] { "555-123-4567", "a@example.com" }, record.Sample.Target.Secrets.ToArray());
        Assert.Equal("""["red","blue"]""", record.Sample.Metadata["options"]);
        Assert.Equal("""["blue","navy"]""", record.Sample.Metadata["accept"]);
        Assert.Equal(ResponseStatus.Answered, record.Response.Status);
        Assert.Equal("B", record.Response.Text);
        Assert.Equal(record.Sample.Id, record.Response.SampleId);
        Assert.Equal("x1", record.Id);
        Assert.Equal(1, record.Json["extra"]!["k"]!.GetValue<int>());
    }

    [Fact]
    public void Parse_OnlyResponse_EmptyPromptNoTargetNoMetadata()
    {
        var record = JudgeRecord.Parse("""{"response":"Yes."}""").Record!;

        Assert.Equal("", record.Sample.Prompt);
        Assert.Null(record.Sample.Target.Expected);
        Assert.Empty(record.Sample.Target.Secrets);
        Assert.Empty(record.Sample.Metadata);
        Assert.Null(record.Id);
    }

    [Fact]
    public void Parse_SameContent_SameSampleIdAndDifferentTargetDifferentId()
    {
        var a = JudgeRecord.Parse("""{"response":"Yes.","target":"yes","prompt":"p"}""").Record!;
        var b = JudgeRecord.Parse("""{"prompt":"p","target":"yes","response":"No."}""").Record!;
        var c = JudgeRecord.Parse("""{"response":"Yes.","target":"no","prompt":"p"}""").Record!;

        Assert.Equal(a.Sample.Id, b.Sample.Id);
        Assert.NotEqual(a.Sample.Id, c.Sample.Id);
    }

    [Theory]
    [InlineData("[1, 2]", null, "expected a JSON object")]
    [InlineData("\"text\"", null, "expected a JSON object")]
    [InlineData("{not json", null, "invalid JSON")]
    [InlineData("""{"target":"yes"}""", "response", "is required")]
    [InlineData("""{"response":null}""", "response", "is required")]
    [InlineData("""{"response":5}""", "response", "must be a string, found a number")]
    [InlineData("""{"response":"a","response":"b"}""", "response", "appears more than once")]
    [InlineData("""{"response":"a","target":3}""", "target", "must be a string, found a number")]
    [InlineData("""{"response":"a","prompt":["p"]}""", "prompt", "must be a string, found an array")]
    [InlineData("""{"response":"a","secrets":"s"}""", "secrets", "must be an array of strings, found a string")]
    [InlineData("""{"response":"a","secrets":["s",1]}""", "secrets[1]", "must be a string, found a number")]
    [InlineData("""{"response":"a","options":[true]}""", "options[0]", "must be a string, found a boolean")]
    [InlineData("""{"response":"a","accept":{}}""", "accept", "must be an array of strings, found an object")]
    [InlineData("""{"response":"a","id":12}""", "id", "must be a string")]
    [InlineData("""{"response":"a","label":false}""", "label", "must be a string")]
    public void Parse_Invalid_TypedErrorNamingTheField(string line, string? field, string message)
    {
        var result = JudgeRecord.Parse(line);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Record);
        Assert.Equal(field, result.Field);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Element_KeepsJsonAfterDocumentIsDisposed()
    {
        JudgeRecord record;
        using (var document = JsonDocument.Parse("""{"response":"Hi","note":"n"}"""))
        {
            record = JudgeRecord.Parse(document.RootElement).Record!;
        }

        Assert.Equal("""{"response":"Hi","note":"n"}""", record.Json.ToJsonString());
    }

    [Fact]
    public void Parse_NullOptionalFields_TreatedAsAbsent()
    {
        var record = JudgeRecord.Parse("""{"response":"x","target":null,"secrets":null,"options":null}""").Record!;

        Assert.Null(record.Sample.Target.Expected);
        Assert.False(record.Sample.Metadata.ContainsKey("options"));
    }
}
