using System.Text;
using Berth.Bench.Running;

namespace Berth.Bench.Suite;

/// <summary>
/// One named test of the catalogue. A test instance belongs to one run against one registry: setup
/// may remember what it pushed for the timed iterations to use.
/// </summary>
public abstract class BenchTest(string name, int defaultRequests)
{
    public string Name { get; } = name;

    /// <summary>Iterations when --requests does not say otherwise; sized so the whole suite takes minutes.</summary>
    public int DefaultRequests { get; } = defaultRequests;

    /// <summary>The name in repository-path form, e.g. "push-monolith-1mb".</summary>
    public string Slug { get; } = ToSlug(name);

    /// <summary>Untimed preparation, such as pushing the image a pull test reads.</summary>
    public virtual Task<IterationOutcome> SetupAsync(BenchContext context, CancellationToken cancellationToken) =>
        Task.FromResult(IterationOutcome.Success(0));

    /// <summary>Untimed, after setup and before the warm-up iterations: whatever must have happened once.</summary>
    public virtual Task<IterationOutcome> PrimeAsync(BenchContext context, CancellationToken cancellationToken) =>
        Task.FromResult(IterationOutcome.Success(0));

    /// <summary>
    /// One timed iteration. The index is stable across registries, so mixed tests make the same
    /// choices for both sides of a comparison.
    /// </summary>
    public abstract Task<IterationOutcome> RunAsync(BenchContext context, int iteration, CancellationToken cancellationToken);

    private static string ToSlug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
