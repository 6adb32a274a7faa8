using System.Globalization;

namespace Berth.Core.Scheduling;

/// <summary>
/// One field of a cron expression as the set of values it matches. The syntax is the one Harbor's scheduler (robfig/cron)
/// reads: a comma-separated list of <c>*</c>, <c>?</c> (day fields only), a value or a range <c>a-b</c>, each optionally
/// followed by <c>/step</c>; a single value with a step runs to the field's maximum. Months and weekdays also take their
/// three-letter English names.
/// </summary>
internal sealed class CronField
{
    private readonly bool[] _matches;

    private CronField(string name, int min, int max, bool[] matches, bool unrestricted)
    {
        Name = name;
        Min = min;
        Max = max;
        _matches = matches;
        Unrestricted = unrestricted;
    }

    public string Name { get; }

    public int Min { get; }

    public int Max { get; }

    /// <summary>
    /// True for <c>*</c> or <c>?</c> (without a step above 1): such a day field does not restrict the other one, and
    /// both day fields restricted match a day when either does, as in every cron.
    /// </summary>
    public bool Unrestricted { get; }

    public bool Matches(int value) => value >= Min && value <= Max && _matches[value - Min];

    /// <summary>The field, or null with <paramref name="error"/> saying what is wrong with it, naming the field.</summary>
    public static CronField? Parse(string text, string name, int min, int max, IReadOnlyList<string>? names, bool allowQuestionMark, out string error)
    {
        var matches = new bool[max - min + 1];
        var unrestricted = false;
        foreach (var item in text.Split(','))
        {
            if (!TryItem(item, name, min, max, names, allowQuestionMark, matches, out var whole, out error)) return null;
            unrestricted |= whole;
        }
        error = "";
        // "*,5" still matches everything: it is as unrestricted as "*".
        return new CronField(name, min, max, matches, unrestricted);
    }

    private static bool TryItem(string item, string name, int min, int max, IReadOnlyList<string>? names, bool allowQuestionMark,
        bool[] matches, out bool whole, out string error)
    {
        whole = false;
        var slash = item.IndexOf('/');
        var range = slash < 0 ? item : item[..slash];
        var step = 1;
        if (slash >= 0 && (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
            return Fail($"the {name} field has '{item}': a step after '/' must be a whole number of at least 1", out error);

        int low, high;
        if (range is "*" || (range is "?" && allowQuestionMark))
        {
            (low, high) = (min, max);
            whole = step == 1;
        }
        else if (range is "?")
        {
            return Fail($"the {name} field has '?', which only the day-of-month and day-of-week fields accept", out error);
        }
        else
        {
            var dash = range.IndexOf('-');
            if (!TryValue(dash < 0 ? range : range[..dash], name, min, max, names, out low, out error)) return false;
            high = slash >= 0 && dash < 0 ? max : low;
            if (dash >= 0 && !TryValue(range[(dash + 1)..], name, min, max, names, out high, out error)) return false;
            if (high < low) return Fail($"the {name} field has the range '{range}', which ends before it begins", out error);
        }
        for (var value = low; value <= high; value += step) matches[value - min] = true;
        error = "";
        return true;
    }

    private static bool TryValue(string text, string name, int min, int max, IReadOnlyList<string>? names, out int value, out string error)
    {
        error = "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            if (value >= min && value <= max) return true;
            return Fail($"the {name} field has {value}, outside {min}-{max}", out error);
        }
        if (names is not null)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (!string.Equals(names[i], text, StringComparison.OrdinalIgnoreCase)) continue;
                value = min + i;
                return true;
            }
        }
        var expected = names is null ? $"a number {min}-{max}" : $"a number {min}-{max} or one of {string.Join(", ", names)}";
        return Fail($"the {name} field has '{text}' where {expected} was expected", out error);
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
