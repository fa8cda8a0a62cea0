using MultiTrust.Cli.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace MultiTrust.Cli.Tests;

/// <summary>
/// Holds deploy/kubernetes and deploy/Dockerfile to the CLI's contract: the environment variables it reads, the paths it
/// reads and writes, the secret the pipeline's keys come from, and the shard protocol's Job shape.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "deploy", "kubernetes");

    [Fact]
    public void ShardsJob_IndexedJob_OneShardPerCompletionRetriedPerIndex()
    {
        var spec = Spec(Document("shards-job.yaml", "Job"));
        var container = Containers(spec).Single();

        Assert.Equal("Indexed", Scalar(spec, "completionMode"));
        Assert.Equal(Scalar(spec, "completions"), Scalar(spec, "parallelism"));
        Assert.True(int.Parse(Scalar(spec, "backoffLimitPerIndex")) >= 1);
        Assert.Equal("Never", Scalar(PodSpec(spec), "restartPolicy"));
        Assert.Equal(Scalar(spec, "completions"), Env(container)[EnvironmentVariables.JobCompletions]);
        Assert.DoesNotContain(EnvironmentVariables.JobCompletionIndex, Env(container).Keys); // Kubernetes sets it per pod
    }

    [Fact]
    public void Manifests_EnvironmentVariables_AreOnesTheCliReadsOrKeysThePipelineNames()
    {
        var keys = ApiKeyVariables();
        var containers = JobSpecs().SelectMany(s => Containers(s, includeInit: true)).ToList();
        var names = containers.SelectMany(c => Env(c).Keys).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.True(EnvironmentVariables.All.Contains(name) || keys.Contains(name), $"{name} is not read by the CLI"));
        Assert.Single(containers.Select(c => Env(c)[EnvironmentVariables.RunId]).Distinct()); // one run id for shards and report
        Assert.Contains(EnvironmentVariables.CacheDir, Env(Containers(Spec(Document("shards-job.yaml", "Job"))).Single()).Keys);
    }

    [Fact]
    public void Manifests_Paths_PipelineFromTheConfigMapAndOneRunFolderOnASharedVolume()
    {
        var shards = Spec(Document("shards-job.yaml", "Job"));
        var report = Spec(Document("report-job.yaml", "Job"));
        var run = Args(Containers(shards).Single());
        var finalize = Args(Containers(report).Single());
        var pipelineData = (YamlMappingNode)Document("pipeline-configmap.yaml", "ConfigMap")["data"];
        var configMapMount = Mount(shards, Containers(shards).Single(), "configMap");
        var output = Mount(shards, Containers(shards).Single(), "persistentVolumeClaim");
        var claim = Document("output-pvc.yaml", "PersistentVolumeClaim");

        Assert.Equal("run", run[0]);
        Assert.Equal($"{configMapMount.Path}/{Assert.Single(pipelineData.Children).Key}", run[1]);
        Assert.Equal(Scalar(Document("pipeline-configmap.yaml", "ConfigMap"), "metadata", "name"), configMapMount.Source);
        var outDir = run[run.IndexOf("--out") + 1];
        Assert.StartsWith(output.Path + "/", outDir);
        Assert.Equal(["report", $"$({EnvironmentVariables.RunId})", "--out", outDir], finalize);
        Assert.Equal(output, Mount(report, Containers(report).Single(), "persistentVolumeClaim"));
        var wait = Assert.Single(Containers(report, includeInit: true), c => c.Children.ContainsKey("command"));
        Assert.Contains($"status \"${EnvironmentVariables.RunId}\" --out {outDir}", string.Join(' ', ((YamlSequenceNode)wait["command"]).Select(n => n.ToString())));
        Assert.Equal(Scalar(claim, "metadata", "name"), output.Source);
        Assert.Contains("ReadWriteMany", ((YamlSequenceNode)Spec(claim)["accessModes"]).Select(n => n.ToString()));
        Assert.Contains($"output: {outDir}", PipelineText());
    }

    [Fact]
    public void Secret_NamedByTheShardsAndHoldingEveryKeyThePipelineNames_IsNotAppliedAsAPlaceholder()
    {
        var secret = Document("secret.example.yaml", "Secret");
        var refs = Containers(Spec(Document("shards-job.yaml", "Job")))
            .SelectMany(c => c.Children.TryGetValue("envFrom", out var envFrom) ? (YamlSequenceNode)envFrom : [])
            .Select(e => Scalar((YamlMappingNode)e, "secretRef", "name"))
            .ToList();
        var stringData = (YamlMappingNode)secret["stringData"];
        var resources = ((YamlSequenceNode)Document("kustomization.yaml", "Kustomization")["resources"]).Select(n => n.ToString()).ToList();

        Assert.Equal([Scalar(secret, "metadata", "name")], refs);
        Assert.NotEmpty(ApiKeyVariables());
        Assert.All(ApiKeyVariables(), key => Assert.Contains(key, stringData.Children.Keys.Select(k => k.ToString())));
        Assert.DoesNotContain("secret.example.yaml", resources);
        var manifests = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Where(n => n is not "kustomization.yaml" and not "secret.example.yaml");
        Assert.Equal(manifests.Order(StringComparer.Ordinal), resources.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ConfigMap_Pipeline_ValidatesWithTheCli()
    {
        using var cli = new CliHarness();
        var file = cli.Write("pipeline.yaml", PipelineText());

        var (code, output) = await cli.RunAsync("validate", file);

        Assert.True(code == ExitCodes.Ok, output);
    }

    [Fact]
    public void Dockerfile_MultiStagePublishRunAsNonRoot_EntryPointTheInitContainerUses()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "deploy", "Dockerfile")).Select(l => l.Trim()).ToList();
        var entry = Assert.Single(lines, l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
        var user = Assert.Single(lines, l => l.StartsWith("USER ", StringComparison.Ordinal));

        Assert.Equal(2, lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish src/Cli/MultiTrust.Cli.csproj -c Release", StringComparison.Ordinal));
        Assert.DoesNotContain(user["USER ".Length..], new[] { "root", "0" });
        Assert.Equal("ENTRYPOINT [\"dotnet\", \"/app/multitrust.dll\"]", entry);
        Assert.Contains("dotnet /app/multitrust.dll status", File.ReadAllText(Path.Combine(Folder, "report-job.yaml")));
        Assert.All(JobSpecs(), s => Assert.Equal("true", Scalar(PodSpec(s), "securityContext", "runAsNonRoot")));
    }

    private static YamlMappingNode Document(string file, string kind)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Folder, file)))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
        Assert.Equal(kind, Scalar(root, "kind"));
        return root;
    }

    private static IEnumerable<YamlMappingNode> JobSpecs() =>
        [Spec(Document("shards-job.yaml", "Job")), Spec(Document("report-job.yaml", "Job"))];

    private static YamlMappingNode Spec(YamlMappingNode document) => (YamlMappingNode)document["spec"];

    private static YamlMappingNode PodSpec(YamlMappingNode jobSpec) => (YamlMappingNode)((YamlMappingNode)jobSpec["template"])["spec"];

    private static List<YamlMappingNode> Containers(YamlMappingNode jobSpec, bool includeInit = false)
    {
        var pod = PodSpec(jobSpec);
        var containers = ((YamlSequenceNode)pod["containers"]).Cast<YamlMappingNode>().ToList();
        if (includeInit && pod.Children.TryGetValue("initContainers", out var init))
        {
            containers.AddRange(((YamlSequenceNode)init).Cast<YamlMappingNode>());
        }

        return containers;
    }

    private static Dictionary<string, string> Env(YamlMappingNode container) =>
        container.Children.TryGetValue("env", out var env)
            ? ((YamlSequenceNode)env).Cast<YamlMappingNode>().ToDictionary(e => Scalar(e, "name"), e => Scalar(e, "value"))
            : [];

    private static List<string> Args(YamlMappingNode container) => [.. ((YamlSequenceNode)container["args"]).Select(n => n.ToString())];

    /// <summary>The mount path of the container's volume of the given kind, and what backs it (claim or ConfigMap name).</summary>
    private static (string Path, string Source) Mount(YamlMappingNode jobSpec, YamlMappingNode container, string kind)
    {
        var volume = ((YamlSequenceNode)PodSpec(jobSpec)["volumes"]).Cast<YamlMappingNode>().Single(v => v.Children.ContainsKey(kind));
        var source = Scalar(volume, kind, kind == "configMap" ? "name" : "claimName");
        var mount = ((YamlSequenceNode)container["volumeMounts"]).Cast<YamlMappingNode>().Single(m => Scalar(m, "name") == Scalar(volume, "name"));
        return (Scalar(mount, "mountPath"), source);
    }

    private static string PipelineText() =>
        Scalar((YamlMappingNode)Document("pipeline-configmap.yaml", "ConfigMap")["data"], "pipeline.yaml");

    /// <summary>The api_key_env names in the ConfigMap's pipeline.</summary>
    private static List<string> ApiKeyVariables() =>
        [.. PipelineText().Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("api_key_env:", StringComparison.Ordinal))
            .Select(l => l["api_key_env:".Length..].Trim()).Distinct()];

    private static string Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            current = ((YamlMappingNode)current)[key];
        }

        return ((YamlScalarNode)current).Value!;
    }
}
