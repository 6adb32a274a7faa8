using System.Text;
using Berth.Scanning.Analyzers.Language.Java;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Analyzers.Language;

public class JavaTests
{
    [Fact]
    public async Task Shaded_jar_yields_its_five_pom_properties()
    {
        var findings = await FixtureRun.FileAsync(new JarAnalyzer(), "opt/app/lib/hadoop-shaded-guava-1.1.0-SNAPSHOT.jar",
            TestData.Path("packages", "java", "jar", "hadoop-shaded-guava-1.1.0-SNAPSHOT.jar"));

        Assert.Empty(findings.Warnings);
        Assert.Equal(
            [
                "com.google.guava:failureaccess@1.0.1",
                "com.google.guava:guava@29.0-jre",
                "com.google.guava:listenablefuture@9999.0-empty-to-avoid-conflict-with-guava",
                "com.google.j2objc:j2objc-annotations@1.3",
                "org.apache.hadoop.thirdparty:hadoop-shaded-guava@1.1.0-SNAPSHOT",
            ],
            findings.Packages().Select(p => $"{p.Name}@{p.Version}").Order(StringComparer.Ordinal));
        Assert.All(findings.Packages(), p => Assert.Equal(Ecosystem.Maven, p.Ecosystem));
        Assert.Equal("opt/app/lib/hadoop-shaded-guava-1.1.0-SNAPSHOT.jar", Assert.Single(findings.PackageSets).FilePath);
    }

    [Fact]
    public async Task Nested_jars_are_read_and_carry_their_nested_path()
    {
        var inner = JarBuilder.Build(JarBuilder.Pom("com.fasterxml.jackson.core", "jackson-databind", "2.9.1"));
        var war = JarBuilder.Build(JarBuilder.Pom("com.example", "shop", "1.0"), ("WEB-INF/lib/jackson-databind-2.9.1.jar", inner));

        var findings = await FixtureRun.BytesAsync(new JarAnalyzer(), "usr/local/tomcat/webapps/shop-1.0.war", war);

        var databind = findings.Single("com.fasterxml.jackson.core:jackson-databind", "2.9.1");
        Assert.Equal("usr/local/tomcat/webapps/shop-1.0.war/WEB-INF/lib/jackson-databind-2.9.1.jar", databind.FilePath);
        Assert.Equal("usr/local/tomcat/webapps/shop-1.0.war", findings.Single("com.example:shop", "1.0").FilePath);
        Assert.Equal("usr/local/tomcat/webapps/shop-1.0.war", Assert.Single(findings.PackageSets).FilePath);
    }

    [Fact]
    public async Task Without_pom_properties_the_manifest_identifies_the_jar()
    {
        var manifest = "Manifest-Version: 1.0\r\nBundle-SymbolicName: org.apache.commons.lang3;singleton:=true\r\n"
            + "Implementation-Title: commons-lang3\r\nImplementation-Version: 3.12.0\r\n\r\nName: org/\r\nImplementation-Version: 9\r\n";
        var jar = JarBuilder.Build(("META-INF/MANIFEST.MF", Encoding.UTF8.GetBytes(manifest)));

        var findings = await FixtureRun.BytesAsync(new JarAnalyzer(), "lib/commons.jar", jar);

        findings.Single("org.apache.commons:commons-lang3", "3.12.0");
    }

    [Fact]
    public async Task Without_metadata_the_file_name_gives_artifact_and_version()
    {
        var jar = JarBuilder.Build(("com/example/A.class", [0xCA, 0xFE, 0xBA, 0xBE]));

        var findings = await FixtureRun.BytesAsync(new JarAnalyzer(), "lib/spring-core-5.3.20.jar", jar);

        findings.Single("spring-core", "5.3.20");
    }

    [Fact]
    public async Task A_zip_bomb_stops_at_the_inflation_budget_with_a_warning()
    {
        // 64 MiB of zeros deflates to about 64 KiB; the budget is 2 MiB.
        var bomb = JarBuilder.Build(("BOOT-INF/lib/bomb.jar", new byte[64 << 20]));
        var jar = JarBuilder.Build(JarBuilder.Pom("com.example", "app", "1.0"), ("BOOT-INF/lib/bomb.jar", bomb));
        Assert.True(jar.Length < 1 << 20);

        var findings = await FixtureRun.BytesAsync(new JarAnalyzer(), "app/app.jar", jar, new ScanLimits { MaxAnalyzedFileBytes = 2 << 20 });

        findings.Single("com.example:app", "1.0");
        Assert.Contains(findings.Warnings, w => w.Contains("analysis budget"));
    }

    [Fact]
    public async Task A_huge_pom_properties_is_ignored_with_a_warning()
    {
        var pom = Encoding.UTF8.GetBytes("groupId=g\nartifactId=a\nversion=1\n#" + new string('x', 3 << 20));
        var jar = JarBuilder.Build(("META-INF/maven/g/a/pom.properties", pom));

        var findings = await FixtureRun.BytesAsync(new JarAnalyzer(), "lib/x.jar", jar);

        Assert.Empty(findings.Packages());
        Assert.Contains(findings.Warnings, w => w.Contains("pom.properties") && w.Contains("larger than"));
    }

    [Fact]
    public async Task Nesting_is_followed_only_to_the_archive_depth_limit()
    {
        var jar = JarBuilder.Build(JarBuilder.Pom("g", "level8", "1"));
        for (var level = 7; level >= 1; level--)
            jar = JarBuilder.Build(JarBuilder.Pom("g", $"level{level}", "1"), ($"lib/level{level + 1}.jar", jar));

        var findings = await FixtureRun.BytesAsync(new JarAnalyzer(), "app/level1.jar", jar, new ScanLimits { MaxArchiveDepth = 3 });

        Assert.Equal(["g:level1", "g:level2", "g:level3"], findings.Packages().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("deeper than 3", Assert.Single(findings.Warnings));
    }

    [Fact]
    public async Task Garbage_and_truncated_archives_are_warnings()
    {
        var real = await File.ReadAllBytesAsync(TestData.Path("packages", "java", "jar", "hadoop-shaded-guava-1.1.0-SNAPSHOT.jar"));
        var garbage = await FixtureRun.BytesAsync(new JarAnalyzer(), "lib/a.jar", Encoding.UTF8.GetBytes("not a zip at all"));
        var truncated = await FixtureRun.BytesAsync(new JarAnalyzer(), "lib/b.jar", real[..(real.Length / 2)]);

        Assert.Contains("not a zip", Assert.Single(garbage.Warnings));
        Assert.NotEmpty(truncated.Warnings);
    }

    [Fact]
    public async Task Corrupt_entry_data_is_a_warning()
    {
        var jar = JarBuilder.Build(JarBuilder.Pom("g", "a", "1"));
        // Overwrite the deflated pom.properties bytes (after the 30-byte local header and the name) with garbage.
        var nameLength = "META-INF/maven/g/a/pom.properties".Length;
        for (var i = 30 + nameLength; i < 30 + nameLength + 20; i++) jar[i] = 0xFF;

        var findings = await FixtureRun.BytesAsync(new JarAnalyzer(), "lib/a.jar", jar);

        Assert.NotEmpty(findings.Warnings);
    }
}
