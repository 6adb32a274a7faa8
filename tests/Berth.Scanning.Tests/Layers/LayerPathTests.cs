using Berth.Scanning.Layers;

namespace Berth.Scanning.Tests.Layers;

public sealed class LayerPathTests
{
    [Theory]
    [InlineData("etc/passwd", "etc/passwd")]
    [InlineData("/etc/passwd", "etc/passwd")]
    [InlineData("./etc/passwd", "etc/passwd")]
    [InlineData("//etc//./passwd", "etc/passwd")]
    [InlineData("usr/share/doc/", "usr/share/doc")]
    [InlineData("a/b/../c", "a/c")]
    [InlineData("a/..", "")]
    [InlineData(".", "")]
    public void Clean_gives_the_path_relative_to_the_root(string name, string expected) => Assert.Equal(expected, LayerPath.Clean(name));

    [Theory]
    [InlineData("..")]
    [InlineData("../etc/passwd")]
    [InlineData("/../etc/passwd")]
    [InlineData("a/../../b")]
    [InlineData("etc/\0passwd")]
    public void Clean_refuses_names_that_leave_the_root(string name) => Assert.Null(LayerPath.Clean(name));

    [Theory]
    [InlineData("etc/os-release", "../usr/lib/os-release", false)]
    [InlineData("bin", "usr/bin", false)]
    [InlineData("etc/localtime", "/usr/share/zoneinfo/UTC", false)]
    [InlineData("etc/x", "../../secret", true)]
    [InlineData("x", "/../../etc/shadow", true)]
    public void LinkEscapes_tells_which_targets_resolve_outside(string link, string target, bool escapes) =>
        Assert.Equal(escapes, LayerPath.LinkEscapes(link, target));

    [Theory]
    [InlineData("usr/share/doc/a", "usr/share/doc", true)]
    [InlineData("usr/share/doc", "usr/share/doc", true)]
    [InlineData("usr/share/docs/a", "usr/share/doc", false)]
    [InlineData("anything", "", true)]
    public void IsWithin_respects_segment_boundaries(string path, string root, bool within) => Assert.Equal(within, LayerPath.IsWithin(path, root));
}
