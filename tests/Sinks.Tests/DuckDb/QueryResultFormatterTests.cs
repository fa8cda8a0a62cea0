using MultiTrust.Sinks.DuckDb;

namespace MultiTrust.Sinks.Tests.DuckDb;

public sealed class QueryResultFormatterTests
{
    private static readonly QueryResult s_result = new(
        ["name", "n", "note"],
        [["a,b", 1L, null], ["say \"hi\"", null, ""], ["line\nbreak", 2.5, "plain"]]);

    [Fact]
    public void WriteCsv_NullsCommasQuotesAndLineBreaks_QuotesPerRfc4180()
    {
        var writer = new StringWriter();

        new QueryResultFormatter(s_result).WriteCsv(writer);

        Assert.Equal("name,n,note\n\"a,b\",1,\n\"say \"\"hi\"\"\",,\"\"\n\"line\nbreak\",2.5,plain\n", writer.ToString());
    }

    [Fact]
    public void WriteJson_NullsAndQuotes_WritesArrayOfObjects()
    {
        var writer = new StringWriter();

        new QueryResultFormatter(s_result).WriteJson(writer);

        Assert.Equal(
            "[\n  {\"name\":\"a,b\",\"n\":1,\"note\":null},\n  {\"name\":\"say \\\"hi\\\"\",\"n\":null,\"note\":\"\"},\n" +
            "  {\"name\":\"line\\nbreak\",\"n\":2.5,\"note\":\"plain\"}\n]\n",
            writer.ToString());
    }

    [Fact]
    public void WriteTable_MixedValues_AlignsColumnsAndShowsNull()
    {
        var writer = new StringWriter();

        new QueryResultFormatter(s_result).WriteTable(writer);

        Assert.Equal(
            "name            n  note\n" +
            "-----------  ----  -----\n" +
            "a,b             1  NULL\n" +
            "say \"hi\"     NULL\n" +
            "line\\nbreak   2.5  plain\n" +
            "(3 rows)\n",
            writer.ToString());
    }
}
