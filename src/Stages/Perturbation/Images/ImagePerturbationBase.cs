using MultiTrust.Core.Imaging;
namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>Validation shared by every perturbation: a null image or a severity outside 1–5 fails before any work.</summary>
internal abstract class ImagePerturbationBase : IImagePerturbation
{
    protected ImagePerturbationBase(string name, bool needsLossless, params (string Name, double[] Values)[] columns)
    {
        Name = name;
        NeedsLossless = needsLossless;
        Table = new SeverityTable(name, columns);
    }

    public string Name { get; }

    public virtual int Version => 1;

    public bool NeedsLossless { get; }

    protected SeverityTable Table { get; }

    public IReadOnlyDictionary<string, double> Parameters(int severity) => Table.Row(severity);

    public RgbaImage Apply(RgbaImage image, int severity, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(image);
        Table.Check(severity);
        return ApplyCore(image, severity, seed);
    }

    public override string ToString() => Name;

    protected abstract RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed);
}
