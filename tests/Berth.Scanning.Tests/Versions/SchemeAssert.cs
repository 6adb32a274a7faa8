using Berth.Scanning.Versions;

namespace Berth.Scanning.Tests.Versions;

/// <summary>Order assertions that check both directions, so an asymmetric comparison cannot pass by accident.</summary>
public static class SchemeAssert
{
    public static void Less(IVersionScheme scheme, string lower, string higher)
    {
        Assert.True(scheme.Compare(lower, higher) < 0, $"{scheme.Name}: expected {lower} < {higher}, got {scheme.Compare(lower, higher)}");
        Assert.True(scheme.Compare(higher, lower) > 0, $"{scheme.Name}: expected {higher} > {lower}, got {scheme.Compare(higher, lower)}");
    }

    public static void Equal(IVersionScheme scheme, string left, string right)
    {
        Assert.True(scheme.Compare(left, right) == 0, $"{scheme.Name}: expected {left} == {right}, got {scheme.Compare(left, right)}");
        Assert.True(scheme.Compare(right, left) == 0, $"{scheme.Name}: expected {right} == {left}, got {scheme.Compare(right, left)}");
    }

    /// <summary>Every element sorts strictly below every later one (not just its neighbour).</summary>
    public static void Ascending(IVersionScheme scheme, params string[] versions)
    {
        for (var i = 0; i < versions.Length; i++)
        {
            Assert.True(scheme.IsValid(versions[i]), $"{scheme.Name}: {versions[i]} should be valid");
            for (var j = i + 1; j < versions.Length; j++) Less(scheme, versions[i], versions[j]);
        }
    }

    /// <summary>
    /// What every scheme promises for a version it cannot read: IsValid is false, Compare does not throw, sorts it
    /// below a readable version and orders two unreadable ones consistently in both directions.
    /// </summary>
    public static void UnreadableSortsFirst(IVersionScheme scheme, string invalid, string valid)
    {
        Assert.False(scheme.IsValid(invalid), $"{scheme.Name}: '{invalid}' should be invalid");
        Assert.True(scheme.IsValid(valid), $"{scheme.Name}: '{valid}' should be valid");
        Less(scheme, invalid, valid);
        Assert.Equal(0, scheme.Compare(invalid, invalid));
        var other = invalid + "\u0001";
        Assert.False(scheme.IsValid(other));
        Less(scheme, invalid, other);
    }
}
