using MultiTrust.Core.Runs;

namespace MultiTrust.Core.Tests.Runs;

public sealed class GitCommitTests : IDisposable
{
    private const string ShaA = "0123456789abcdef0123456789abcdef01234567";
    private const string ShaB = "fedcba9876543210fedcba9876543210fedcba98";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Find_HeadRefWithLooseRef_ReturnsRefCommit()
    {
        _dir.WriteFile(".git/HEAD", "ref: refs/heads/main\n");
        _dir.WriteFile(".git/refs/heads/main", ShaA + "\n");

        Assert.Equal(ShaA, GitCommit.Find(_dir.Path));
    }

    [Fact]
    public void Find_HeadRefInPackedRefs_ReturnsPackedCommit()
    {
        _dir.WriteFile(".git/HEAD", "ref: refs/heads/feature/x\n");
        _dir.WriteFile(".git/packed-refs", $"# pack-refs with: peeled fully-peeled sorted\n{ShaB} refs/heads/feature/xy\n{ShaA} refs/heads/feature/x\n^{ShaB}\n");

        Assert.Equal(ShaA, GitCommit.Find(_dir.Path));
    }

    [Fact]
    public void Find_DetachedHead_ReturnsHeadCommit()
    {
        _dir.WriteFile(".git/HEAD", ShaB + "\n");

        Assert.Equal(ShaB, GitCommit.Find(_dir.Path));
    }

    [Fact]
    public void Find_FromNestedFolder_WalksUpToRepository()
    {
        _dir.WriteFile(".git/HEAD", ShaA + "\n");
        var nested = Directory.CreateDirectory(_dir.Combine("a", "b", "c")).FullName;

        Assert.Equal(ShaA, GitCommit.Find(nested));
    }

    [Fact]
    public void Find_RefWithNoCommitYet_ReturnsNull()
    {
        _dir.WriteFile(".git/HEAD", "ref: refs/heads/main\n");

        Assert.Null(GitCommit.Find(_dir.Path));
    }

    [Fact]
    public void Find_NoRepository_ReturnsNull()
    {
        Assert.Null(GitCommit.Find(_dir.Path));
    }

    [Fact]
    public void Find_GitFolderWithoutHead_ReturnsNull()
    {
        Directory.CreateDirectory(_dir.Combine(".git"));

        Assert.Null(GitCommit.Find(_dir.Path));
    }

    [Fact]
    public void Find_GitFilePointingToGitDir_ReturnsThatCommit()
    {
        _dir.WriteFile(".git/HEAD", ShaA + "\n");
        _dir.WriteFile("outer-modules/inner/HEAD", ShaB + "\n");
        _dir.WriteFile("inner/.git", "gitdir: ../outer-modules/inner\n");

        Assert.Equal(ShaB, GitCommit.Find(_dir.Combine("inner")));
    }
}
