using Apache.Arrow;
using Apache.Arrow.Ipc;
using DuckDB.NET.Data;
using MultiTrust.Cli.Infrastructure;

namespace MultiTrust.Cli.Tests;

/// <summary>
/// <c>--emit arrow=...</c> round trip: the Arrow IPC stream is read back with Apache.Arrow and its rows are compared with
/// the run's Parquet tables read by DuckDB (DuckDB's own Arrow reader is an extension that cannot be installed offline).
/// </summary>
public sealed class ArrowEmitRunTests
{
    private static string Quickstart => Path.Combine(RepoPaths.Root, "pipelines", "quickstart.yaml");

    [Fact]
    public async Task Run_EmitArrowToFile_StreamHoldsExactlyTheCommittedResponsesAndJudgments()
    {
        using var cli = new CliHarness();

        var (code, output) = await cli.RunAsync(
            "run", Quickstart, "--samples", "7", "--out", "out", "--model", "baseline:oracle", "--model", "baseline:refuse",
            "--commit-every", "5", "--emit", "arrow=out/emit/results.arrows");

        Assert.True(code == ExitCodes.Ok, output);
        var rows = await ReadStreamAsync(File.OpenRead(Path.Combine(cli.WorkingDirectory, "out", "emit", "results.arrows")));
        var runDir = RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out"));
        var (responses, judgments) = ReadParquetWithDuckDb(runDir);
        Assert.Equal(42, responses.Count);
        Assert.Equal(responses, rows.Where(r => r.StartsWith("response|", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.NotEmpty(judgments);
        Assert.Equal(judgments, rows.Where(r => r.StartsWith("judgment|", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Run_EmitArrowToStandardOutput_StreamIsReadableAndConsoleStaysOut()
    {
        using var cli = new CliHarness();

        var (code, output) = await cli.RunAsync(
            "run", Quickstart, "--samples", "3", "--out", "out", "--model", "baseline:comply", "--emit", "arrow=-");

        Assert.True(code == ExitCodes.Ok, output);
        var rows = await ReadStreamAsync(new MemoryStream(cli.StandardOutput.ToArray()));
        Assert.Equal(9, rows.Count(r => r.StartsWith("response|", StringComparison.Ordinal)));
        Assert.Contains(rows, r => r.StartsWith("judgment|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_EmitWithUnknownSink_RefusedNamingTheForm()
    {
        using var cli = new CliHarness();

        var (code, output) = await cli.RunAsync("run", Quickstart, "--samples", "1", "--emit", "csv=out.csv");

        Assert.NotEqual(ExitCodes.Ok, code);
        Assert.Contains("--emit must be arrow=PATH or arrow=-", output);
    }

    [Fact]
    public async Task Run_EmitTargetCannotBeCreated_RefusedBeforeTheRunStarts()
    {
        using var cli = new CliHarness();
        cli.Write("blocked", "a file, not a folder");

        var (code, output) = await cli.RunAsync("run", Quickstart, "--samples", "1", "--out", "out", "--emit", "arrow=blocked/results.arrows");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("Cannot write the Arrow stream to", output);
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingDirectory, "out", "runs")));
    }

    // One line per row: kind|sample|variant|model|status|text (responses) or kind|sample|variant|model|judge|label|revision.
    private static async Task<List<string>> ReadStreamAsync(Stream stream)
    {
        var rows = new List<string>();
        using var reader = new ArrowStreamReader(stream);
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            using (batch)
            {
                string? S(string column, int i) => ((StringArray)batch.Column(column)).GetString(i);
                for (var i = 0; i < batch.Length; i++)
                {
                    rows.Add(S("row_kind", i) == "response"
                        ? $"response|{S("sample_id", i)}|{S("variant_id", i)}|{S("model_id", i)}|{S("status", i)}|{S("text", i)}"
                        : $"judgment|{S("sample_id", i)}|{S("variant_id", i)}|{S("model_id", i)}|{S("judge_id", i)}|{S("label", i)}|{((Int32Array)batch.Column("revision")).GetValue(i)}");
                }
            }
        }

        return rows;
    }

    private static (List<string> Responses, List<string> Judgments) ReadParquetWithDuckDb(string runDir)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        List<string> Query(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var result = new List<string>();
            while (reader.Read())
            {
                result.Add(reader.GetString(0));
            }

            return [.. result.Order(StringComparer.Ordinal)];
        }

        var root = runDir.Replace("'", "''", StringComparison.Ordinal);
        return (
            Query($"SELECT concat_ws('|', 'response', sample_id, variant_id, model_id, status, coalesce(text, '')) FROM read_parquet('{root}/responses/**/*.parquet', hive_partitioning = true)"),
            Query($"SELECT concat_ws('|', 'judgment', sample_id, variant_id, model_id, judge_id, coalesce(label, ''), CAST(revision AS VARCHAR)) FROM read_parquet('{root}/judgments/**/*.parquet', hive_partitioning = true)"));
    }
}
