namespace Berth.Core;

/// <summary>Every repository lives in a project: the first component of its name (<c>team</c> in <c>team/app/web</c>).</summary>
public static class ProjectName
{
    public static string Of(string repository)
    {
        var slash = repository.IndexOf('/');
        return slash < 0 ? repository : repository[..slash];
    }
}
