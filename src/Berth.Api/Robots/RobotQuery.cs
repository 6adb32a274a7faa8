namespace Berth.Api.Robots;

/// <summary>
/// The parts of Harbor's <c>q</c> query that robot listing understands: <c>Level=project</c>,
/// <c>ProjectID=N</c> and <c>name=~text</c>, comma-separated. Other keys are refused rather than ignored,
/// so a caller never mistakes an unfiltered list for a filtered one.
/// </summary>
public sealed record RobotQuery(string? Level, long? ProjectId, string? NameContains, string? Error)
{
    public static RobotQuery Parse(string q)
    {
        string? level = null, name = null;
        long? projectId = null;
        foreach (var term in q.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = term.IndexOf('=');
            var key = equals < 0 ? term : term[..equals];
            var value = equals < 0 ? "" : term[(equals + 1)..];
            switch (key)
            {
                case "Level" or "level":
                    level = value;
                    break;
                case "ProjectID" or "project_id" when long.TryParse(value, out var id):
                    projectId = id;
                    break;
                case "ProjectID" or "project_id":
                    return new RobotQuery(null, null, null, $"ProjectID '{value}' in q is not a number");
                case "name" or "Name":
                    name = value.StartsWith('~') ? value[1..] : value;
                    break;
                default:
                    return new RobotQuery(null, null, null, $"q key '{key}' is not supported for robots: use Level, ProjectID or name");
            }
        }
        return new RobotQuery(level, projectId, name, null);
    }
}
