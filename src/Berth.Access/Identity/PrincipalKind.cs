namespace Berth.Access.Identity;

/// <summary>Who is calling: nobody in particular, a user, or a robot account.</summary>
public enum PrincipalKind
{
    Anonymous,
    User,
    Robot,
}
