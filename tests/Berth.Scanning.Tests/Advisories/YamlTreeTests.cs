using Berth.Scanning.Advisories.Importers;

namespace Berth.Scanning.Tests.Advisories;

public sealed class YamlTreeTests
{
    [Fact]
    public void Scalars_StayStrings_NullsBecomeNull()
    {
        var tree = YamlTree.Parse("a: 1.10\nb: '0'\nc: ~\nd: null\ne: [x, 2]\n", 100, out var error);

        Assert.Null(error);
        Assert.Equal("""{"a":"1.10","b":"0","c":null,"d":null,"e":["x","2"]}""", tree!.ToJsonString());
    }

    [Fact]
    public void AliasBomb_StopsAtTheNodeBudget()
    {
        // Each level doubles the nodes an alias expands to: 2^20 leaves from a few hundred bytes.
        var lines = new List<string> { "l0: &l0 [x, x]" };
        for (var i = 1; i <= 20; i++) lines.Add($"l{i}: &l{i} [*l{i - 1}, *l{i - 1}]");

        Assert.Null(YamlTree.Parse(string.Join('\n', lines), 100_000, out var error));
        Assert.Contains("100000 nodes", error);
    }

    [Fact]
    public void Malformed_IsAnErrorValue()
    {
        Assert.Null(YamlTree.Parse("a: [unclosed\nb: c", 100, out var error));
        Assert.StartsWith("malformed YAML", error);
    }
}
