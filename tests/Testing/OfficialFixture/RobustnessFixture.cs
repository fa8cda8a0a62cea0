namespace MultiTrust.Testing.OfficialFixture;

/// <summary>
/// The robustness part of the fixture release tree (R.1–R.6), under <c>robustness/</c>: COCO-O style label files and
/// BenchLMM sensor label files (JSON Lines named <c>.json</c>), the DecodingTrust OOD <c>label.json</c> with its related
/// images, <c>adv_nips</c> with clean / untargeted / targeted images, and AdvGLUE / AdvGLUE++ with related images.
/// Labels mix JSON numbers and strings, as the release's Python readers accept both.
/// </summary>
public static class RobustnessFixture
{
    private static readonly string[] s_styles = ["cartoon", "handmake", "painting", "sketch", "tattoo", "weather"];

    private static readonly string[] s_sensors = ["infrared", "lxray", "hxray", "mri", "ct", "remote", "driving"];

    private static readonly string[] s_oodCategories =
        ["augment", "bible_p0.6", "bible_p0", "romantic_p0.6", "romantic_p0", "shake_p0.6", "shake_p0", "shake_w", "tweet_p0.6", "tweet_p0"];

    public static void Write(FixtureFiles files)
    {
        WriteOodArtistic(files);
        WriteOodSensor(files);
        WriteOodText(files);
        WriteAdversarialImages(files);
        WriteAdvGlue(files, "advglue", plus: false);
        WriteAdvGlue(files, "advglue_plus", plus: true);
    }

    private static void WriteOodArtistic(FixtureFiles files)
    {
        foreach (var style in s_styles)
        {
            files.JsonLines($"robustness/ood-artistic/label/{style}.json",
            [
                new { image_name = $"{style}_1.png", gt_label = new[] { "person", "dog" } },
                new { image_name = $"{style}_2.png", gt_label = new[] { "bicycle" } },
            ]);
            files.Image($"robustness/ood-artistic/source/{style}_1.png");
            files.Image($"robustness/ood-artistic/source/{style}_2.png");
        }
    }

    private static void WriteOodSensor(FixtureFiles files)
    {
        foreach (var sensor in s_sensors)
        {
            files.JsonLines($"robustness/ood-sensor/label/{sensor}.json",
            [
                new { image_name = $"{sensor}_1.png", question = $"What is shown in this {sensor} image?\nAnswer with one word.", answer = "car" },
                new { image_name = $"{sensor}_2.png", question = "How many people are there?", answer = (object)2 },
            ]);
            files.Image($"robustness/ood-sensor/source/{sensor}_1.png");
            files.Image($"robustness/ood-sensor/source/{sensor}_2.png");
        }
    }

    private static void WriteOodText(FixtureFiles files)
    {
        var labels = new Dictionary<string, object>
        {
            ["base"] = new[] { new { sentence = "a base sentence.", label = 1, id = 0 } },
        };
        for (var i = 0; i < s_oodCategories.Length; i++)
        {
            // Alternating labels; one category stores its label and id as strings.
            object label = i == 3 ? "0" : i % 2 == 0 ? 1 : 0;
            object id = i == 3 ? $"dt{i}" : i;
            labels[s_oodCategories[i]] = new[] { new { sentence = $"the {s_oodCategories[i]} sentence is {(i % 2 == 0 ? "lovely" : "dreadful")}.", label, id } };
            files.Image($"robustness/ood-text/related/{id}.png");
        }

        files.Json("robustness/ood-text/label.json", labels);
    }

    private static void WriteAdversarialImages(FixtureFiles files)
    {
        var rows = new[]
        {
            new { image_name = "adv_1.png", untarget = new[] { "cat" }, target = new[] { "airplane", "jet" } },
            new { image_name = "adv_2.png", untarget = new[] { "banana", "fruit" }, target = new[] { "horse" } },
        };
        files.JsonLines("robustness/adv_nips/label.json", rows);
        foreach (var row in rows)
        {
            foreach (var folder in new[] { "clean", "untarget", "target" })
            {
                files.Image($"robustness/adv_nips/source/{folder}/{row.image_name}");
            }
        }
    }

    // One record per GLUE task; idx = offset + the task's position, and its related image is related/<task>/<idx>.png.
    private static void WriteAdvGlue(FixtureFiles files, string folder, bool plus)
    {
        var offset = plus ? 100 : 0;
        var tasks = new (string Task, object Record)[]
        {
            ("mnli", new { idx = offset + 1, label = plus ? 0 : 1, premise = "A man plays a guitar.", hypothesis = "A person makes music.", original_hypothesis = "A man makes music." }),
            ("mnli-mm", new { idx = offset + 2, label = 2, premise = "The shop is closed.", hypothesis = "The shop is open." }),
            ("qnli", new { idx = offset + 3, label = plus ? 1 : 0, question = "Where is Paris?", sentence = "Paris is in France." }),
            ("qqp", new { idx = offset + 4, label = plus ? 0 : 1, question1 = "How do I cook rice?", question2 = "What is the way to cook rice?" }),
            ("rte", new { idx = offset + 5, label = plus ? "0" : "1", sentence1 = "It rained all day.", sentence2 = "The ground stayed dry." }),
            ("sst2", new { idx = offset + 6, label = plus ? 1 : 0, sentence = "a dull , lifeless film ." }),
        };
        files.Json($"robustness/{folder}/label.json", tasks.ToDictionary(t => t.Task, t => new[] { t.Record }));
        for (var i = 0; i < tasks.Length; i++)
        {
            files.Image($"robustness/{folder}/related/{tasks[i].Task}/{offset + i + 1}.png");
        }
    }
}
