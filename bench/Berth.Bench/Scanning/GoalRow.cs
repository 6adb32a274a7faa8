namespace Berth.Bench.Scanning;

/// <summary>One line of the scanner table: a measured figure, the goal it is held to, and whether it meets it.</summary>
/// <param name="Pass">Null for figures shown for context, with no goal of their own.</param>
public sealed record GoalRow(string Figure, string Measured, string Goal, bool? Pass)
{
    public static GoalRow Context(string figure, string measured) => new(figure, measured, "—", null);
}
