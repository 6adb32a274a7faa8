using Berth.Scanning.Advisories;

namespace Berth.Scanning.Tests.Advisories;

public sealed class PackageNamesTests
{
    [Theory]
    [InlineData("PyPI", "Flask", "flask")]
    [InlineData("PyPI", "Foo__Bar.baz-_qux", "foo-bar-baz-qux")] // PEP 503: runs of -_. become one -
    [InlineData("Go", "github.com/BurntSushi/toml", "github.com/BurntSushi/toml")] // module paths are case-sensitive
    [InlineData("crates.io", "Inflector", "inflector")]
    [InlineData("Debian:12", "openssl", "openssl")]
    public void Normalise(string ecosystem, string name, string expected) => Assert.Equal(expected, PackageNames.Normalise(ecosystem, name));

    [Theory]
    [InlineData("Ubuntu:22.04:LTS", "Ubuntu:22.04")]
    [InlineData("Ubuntu:23.10", "Ubuntu:23.10")]
    [InlineData("Alpine:v3.20", "Alpine:v3.20")]
    public void NormaliseEcosystem(string ecosystem, string expected) => Assert.Equal(expected, PackageNames.NormaliseEcosystem(ecosystem));
}
