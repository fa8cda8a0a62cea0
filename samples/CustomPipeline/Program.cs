using CustomPipeline;

// dotnet run --project samples/CustomPipeline -- [OUT_DIR] [SAMPLES]
var output = args.Length > 0 ? args[0] : "out-sample";
var samples = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
var result = await OracleCheck.RunAsync(Path.GetFullPath(output), samples, CancellationToken.None);
Console.WriteLine($"{result.Responses} responses, {result.Correct} judged correct, written under {result.RunDirectory}");
return result.Correct == result.Responses ? 0 : 1;
