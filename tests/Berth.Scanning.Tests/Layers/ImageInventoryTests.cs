using Berth.Scanning.Analyzers.Os;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Layers;

public sealed class ImageInventoryTests
{
    private const string Status = "var/lib/dpkg/status";

    private static string Stanza(string name, string version, string? source = null) =>
        $"Package: {name}\nStatus: install ok installed\nArchitecture: amd64\nVersion: {version}\n" +
        (source is null ? "" : $"Source: {source}\n") + "Description: test\n long description\n\n";

    private static async Task<LayerAnalysis> AnalyzeAsync(TestLayer layer)
    {
        var result = await new LayerWalker([new OperatingSystemAnalyzer(), new DpkgAnalyzer(), new ApkAnalyzer(), new JsonPackageAnalyzer()])
            .WalkAsync(new MemoryStream(layer.Gzip()), null, CancellationToken.None);
        Assert.True(result.Succeeded, result.ToString());
        return result.Analysis!;
    }

    private static string[] NameVersions(ImageInventory inventory) =>
        [.. inventory.Packages.Select(p => $"{p.Name} {p.Version}").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_later_status_file_replaces_the_earlier_set_and_packages_keep_the_layer_that_first_brought_them()
    {
        var bottom = await AnalyzeAsync(new TestLayer()
            .File("etc/debian_version", "12.5\n")
            .File(Status, Stanza("libc6", "2.36-9") + Stanza("curl", "7.88.1-10") + Stanza("gone", "1.0-1")));
        var top = await AnalyzeAsync(new TestLayer()
            .File(Status, Stanza("libc6", "2.36-9") + Stanza("curl", "7.88.1-10+deb12u5") + Stanza("jq", "1.6-2.1")));

        var inventory = ImageInventory.Merge([bottom, top]);

        Assert.Equal(["curl 7.88.1-10+deb12u5", "jq 1.6-2.1", "libc6 2.36-9"], NameVersions(inventory));
        Assert.Equal(bottom.DiffId, inventory.Packages.Single(p => p.Name == "libc6").LayerDiffId);
        Assert.Equal(top.DiffId, inventory.Packages.Single(p => p.Name == "curl").LayerDiffId);
        Assert.Equal(top.DiffId, inventory.Packages.Single(p => p.Name == "jq").LayerDiffId);
        Assert.Equal(new OsRelease("debian", "12.5"), inventory.OperatingSystem);
        Assert.All(inventory.Packages, p => Assert.Equal(Ecosystem.Debian, p.Ecosystem));
    }

    [Fact]
    public async Task A_whiteout_of_the_database_removes_its_packages()
    {
        var bottom = await AnalyzeAsync(new TestLayer().File(Status, Stanza("libc6", "2.36-9")));
        var top = await AnalyzeAsync(new TestLayer().Whiteout(Status));

        Assert.Empty(ImageInventory.Merge([bottom, top]).Packages);
        Assert.Single(ImageInventory.Merge([bottom]).Packages);
    }

    [Fact]
    public async Task A_whiteout_of_a_parent_directory_removes_everything_under_it_and_nothing_beside_it()
    {
        var bottom = await AnalyzeAsync(new TestLayer()
            .File("app/node_modules/a/package.json.pkg", "a 1.0.0")
            .File("app/node_modules_extra/b/package.json.pkg", "b 2.0.0"));
        var top = await AnalyzeAsync(new TestLayer().Whiteout("app/node_modules"));

        Assert.Equal(["b 2.0.0"], NameVersions(ImageInventory.Merge([bottom, top])));
    }

    [Fact]
    public async Task An_opaque_directory_hides_the_layers_below_but_not_what_its_own_layer_puts_there()
    {
        var bottom = await AnalyzeAsync(new TestLayer().File(Status, Stanza("old", "1.0-1")).File("var/lib/dpkg/info/old.list", "/usr/bin/old\n"));
        var top = await AnalyzeAsync(new TestLayer().Opaque("var/lib/dpkg").File(Status, Stanza("new", "2.0-1")));
        var other = await AnalyzeAsync(new TestLayer().Opaque("var/lib"));

        var inventory = ImageInventory.Merge([bottom, top]);

        Assert.Equal(["new 2.0-1"], NameVersions(inventory));
        Assert.Equal(top.DiffId, inventory.Packages[0].LayerDiffId);
        Assert.Empty(ImageInventory.Merge([bottom, top, other]).Packages);
    }

    [Fact]
    public async Task Deleted_files_leave_the_installed_files()
    {
        var bottom = await AnalyzeAsync(new TestLayer()
            .File("var/lib/dpkg/info/base.list", "/.\n/usr\n/usr/share/doc/base/copyright\n/usr/bin/base\n"));
        var top = await AnalyzeAsync(new TestLayer().Whiteout("usr/share/doc"));

        Assert.Equal(["usr", "usr/bin/base"], ImageInventory.Merge([bottom, top]).InstalledFiles);
    }

    [Fact]
    public async Task A_language_package_in_a_file_an_os_package_installed_is_left_to_the_os_package()
    {
        var layer = await AnalyzeAsync(new TestLayer()
            .File(Status, Stanza("python3-requests", "2.28.1+dfsg-1", "requests"))
            .File("var/lib/dpkg/info/python3-requests.md5sums", "0123456789abcdef0123456789abcdef  usr/lib/python3/dist-packages/requests.pkg\n")
            .File("usr/lib/python3/dist-packages/requests.pkg", "requests 2.28.1")
            .File("app/venv/requests.pkg", "requests 2.31.0"));

        var inventory = ImageInventory.Merge([layer]);

        Assert.Equal(["python3-requests 2.28.1+dfsg-1", "requests 2.31.0"], NameVersions(inventory));
        Assert.Equal("app/venv/requests.pkg", inventory.Packages.Single(p => p.Name == "requests").FilePath);
    }

    [Fact]
    public async Task A_language_package_is_attributed_to_the_first_layer_that_held_it_at_that_path()
    {
        var first = await AnalyzeAsync(new TestLayer().File("app/a.pkg", "lodash 4.17.21"));
        var second = await AnalyzeAsync(new TestLayer().File("app/a.pkg", "lodash 4.17.21").File("other/b.pkg", "lodash 4.17.21"));

        var inventory = ImageInventory.Merge([first, second]);

        Assert.Equal(first.DiffId, inventory.Packages.Single(p => p.FilePath == "app/a.pkg").LayerDiffId);
        Assert.Equal(second.DiffId, inventory.Packages.Single(p => p.FilePath == "other/b.pkg").LayerDiffId);
    }

    [Fact]
    public async Task Dpkg_packages_become_ubuntu_packages_when_any_layer_says_ubuntu()
    {
        var bottom = await AnalyzeAsync(new TestLayer().File("etc/debian_version", "bookworm/sid\n").File(Status, Stanza("bash", "5.2.21-2ubuntu4")));
        var top = await AnalyzeAsync(new TestLayer().File("etc/lsb-release", "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=24.04\n"));

        var inventory = ImageInventory.Merge([bottom, top]);

        Assert.Equal(new OsRelease("ubuntu", "24.04"), inventory.OperatingSystem);
        Assert.Equal(Ecosystem.Ubuntu, Assert.Single(inventory.Packages).Ecosystem);
    }

    [Fact]
    public async Task A_later_base_guess_does_not_replace_a_specific_distribution_but_an_upgrade_does()
    {
        var ubuntu = await AnalyzeAsync(new TestLayer().File("etc/lsb-release", "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\n"));
        var debianVersionOnly = await AnalyzeAsync(new TestLayer().File("etc/debian_version", "bookworm/sid\n"));
        var upgraded = await AnalyzeAsync(new TestLayer().File("etc/lsb-release", "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=24.04\n"));

        Assert.Equal(new OsRelease("ubuntu", "22.04"), ImageInventory.Merge([ubuntu, debianVersionOnly]).OperatingSystem);
        Assert.Equal(new OsRelease("ubuntu", "24.04"), ImageInventory.Merge([ubuntu, debianVersionOnly, upgraded]).OperatingSystem);
    }

    [Fact]
    public async Task Layer_warnings_are_kept_with_their_layer()
    {
        var layer = await AnalyzeAsync(new TestLayer().File(Status, "Package: broken\nVersion: not-a-version\n\n"));

        var warning = Assert.Single(ImageInventory.Merge([layer]).Warnings);
        Assert.StartsWith(layer.DiffId + ": dpkg:", warning);
    }

    /// <summary>A stand-in language analyzer: files named *.pkg hold one "name version" package.</summary>
    private sealed class JsonPackageAnalyzer : IFileAnalyzer
    {
        public string Name => "pkg";
        public int Version => 1;
        public bool Wants(string path, long size) => path.EndsWith(".pkg", StringComparison.Ordinal);

        public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
        {
            var text = (await new StreamReader(file.Content).ReadToEndAsync(cancellationToken)).Split(' ');
            findings.AddPackages(file.Path, [new Package { Name = text[0], Version = text[1], Ecosystem = Ecosystem.Npm, FilePath = file.Path }]);
        }
    }
}
