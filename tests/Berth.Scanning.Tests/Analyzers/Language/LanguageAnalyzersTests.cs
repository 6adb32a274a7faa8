using Berth.Scanning.Analyzers.Language;

namespace Berth.Scanning.Tests.Analyzers.Language;

public class LanguageAnalyzersTests
{
    [Theory]
    [InlineData("app/package-lock.json")]
    [InlineData("app/yarn.lock")]
    [InlineData("app/requirements.txt")]
    [InlineData("app/Pipfile.lock")]
    [InlineData("app/poetry.lock")]
    [InlineData("app/go.mod")]
    [InlineData("app/Gemfile.lock")]
    [InlineData("app/composer.lock")]
    [InlineData("app/packages.lock.json")]
    public void Lock_files_are_read_in_directories_but_not_in_images(string path)
    {
        Assert.DoesNotContain(LanguageAnalyzers.ForImages(), a => a.Wants(path, 1000));
        Assert.Contains(LanguageAnalyzers.ForDirectories(), a => a.Wants(path, 1000));
    }

    [Theory]
    [InlineData("app/node_modules/express/package.json")]
    [InlineData("usr/lib/python3/site-packages/flask-2.0.0.dist-info/METADATA")]
    [InlineData("usr/local/bin/app")]
    [InlineData("opt/app.jar")]
    [InlineData("app/app.deps.json")]
    [InlineData("app/Cargo.lock")]
    [InlineData("usr/local/bundle/specifications/rake-13.0.3.gemspec")]
    [InlineData("app/vendor/composer/installed.json")]
    public void Installed_metadata_is_read_in_images_and_directories(string path)
    {
        Assert.Contains(LanguageAnalyzers.ForImages(), a => a.Wants(path, 1000));
        Assert.Contains(LanguageAnalyzers.ForDirectories(), a => a.Wants(path, 1000));
    }

    [Fact]
    public void Analyzer_names_are_unique_because_they_key_the_layer_cache()
    {
        var names = LanguageAnalyzers.ForDirectories().Select(a => a.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
    }
}
