using System.Reflection;
using Berth.Access.Roles;
using static Berth.Access.Roles.ProjectRole;

namespace Berth.Access.Tests.Roles;

public sealed class RolePolicyTests
{
    private const string Crud = "create read update delete";

    /// <summary>
    /// Harbor's role matrix as reference/harbor.md §3 writes it, transcribed independently of the code:
    /// resource, then the actions of projectAdmin, maintainer, developer, guest, limitedGuest. The last
    /// rows are what every role has; <c>project</c> is Harbor's <c>self</c>.
    /// </summary>
    private static readonly (string Resource, string Admin, string Maintainer, string Developer, string Guest, string LimitedGuest)[] Matrix =
    [
        ("repository", $"{Crud} list pull push", $"{Crud} list pull push", "create read update list pull push", "read list pull", "read list pull"),
        ("artifact", "create read delete list", "create read delete list", "create read list", "read list", "read list"),
        ("tag", "list create delete", "list create delete", "list create", "list", "list"),
        ("scan", "create read stop", "create read stop", "read", "read", "read"),
        ("sbom", "create read stop", "create read stop", "read", "read", "read"),
        ("member", $"{Crud} list", "read list", "read list", "read list", ""),
        ("metadata", Crud, "read", "", "", ""),
        ("robot", $"{Crud} list", "read list", "read list", "read list", ""),
        ("label", $"{Crud} list", $"{Crud} list", "read list", "read list", ""),
        ("immutable-tag", "create update delete list", "create update delete list", "", "", ""),
        ("tag-retention", $"{Crud} list operate", $"{Crud} list operate", $"{Crud} list operate", "", ""),
        ("notification-policy", $"{Crud} list", "read list", "", "", ""),
        ("log", "list", "", "", "", ""),
        ("artifact-label", "create delete", "create delete", "create delete", "", ""),
        ("export-cve", "create read list", "create read list", "create read list", "", ""),
        ("quota", "read", "read", "read", "read", "read"),
        ("configuration", "read", "read", "read", "read", "read"),
        ("scanner", "read", "read", "read", "read", "read"),
        ("artifact-addition", "read", "read", "read", "read", "read"),
        ("accessory", "list", "list", "list", "list", "list"),
        ("project", "read update delete", "read", "read", "read", "read"),
    ];

    private static readonly ProjectRole[] Roles = [ProjectAdmin, Maintainer, Developer, Guest, LimitedGuest];

    private static readonly string[] AllResources = Constants(typeof(Resources));

    private static readonly string[] AllActions = Constants(typeof(Actions));

    public static TheoryData<ProjectRole, string, string> Cells()
    {
        var data = new TheoryData<ProjectRole, string, string>();
        foreach (var row in Matrix)
        {
            string[] byRole = [row.Admin, row.Maintainer, row.Developer, row.Guest, row.LimitedGuest];
            for (var i = 0; i < Roles.Length; i++) data.Add(Roles[i], row.Resource, byRole[i]);
        }
        return data;
    }

    /// <summary>
    /// One case per role and resource; within it every action name there is is checked, so each cell
    /// of the matrix is asserted granted or not.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cells))]
    public void Grants_FollowsHarborsMatrix(ProjectRole role, string resource, string expectedActions)
    {
        var expected = Split(expectedActions).OrderBy(a => a, StringComparer.Ordinal);

        var granted = AllActions.Where(action => RolePolicy.Grants(role, new Permission(resource, action))).OrderBy(a => a, StringComparer.Ordinal);

        Assert.Equal(expected, granted);
    }

    [Fact]
    public void Matrix_CoversEveryResource() =>
        Assert.Equal(AllResources.Order(StringComparer.Ordinal), Matrix.Select(r => r.Resource).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData(ProjectAdmin)]
    [InlineData(Maintainer)]
    [InlineData(Developer)]
    [InlineData(Guest)]
    [InlineData(LimitedGuest)]
    public void For_HoldsExactlyTheMatrixColumn(ProjectRole role)
    {
        var column = Array.IndexOf(Roles, role);
        var expected = Matrix
            .SelectMany(row => Split(new[] { row.Admin, row.Maintainer, row.Developer, row.Guest, row.LimitedGuest }[column]).Select(a => $"{row.Resource}:{a}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, RolePolicy.For(role).Select(p => p.ToString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(Developer, "repository", "delete", false)]
    [InlineData(Developer, "artifact", "delete", false)]
    [InlineData(Developer, "tag", "delete", false)]
    [InlineData(Developer, "repository", "push", true)]
    [InlineData(Developer, "tag-retention", "create", true)]
    [InlineData(Developer, "tag-retention", "update", true)]
    [InlineData(Developer, "tag-retention", "delete", true)]
    [InlineData(Developer, "tag-retention", "operate", true)]
    [InlineData(Maintainer, "metadata", "update", false)]
    [InlineData(Maintainer, "metadata", "read", true)]
    [InlineData(Maintainer, "repository", "delete", true)]
    [InlineData(Maintainer, "member", "create", false)]
    [InlineData(LimitedGuest, "member", "read", false)]
    [InlineData(LimitedGuest, "member", "list", false)]
    [InlineData(LimitedGuest, "label", "read", false)]
    [InlineData(LimitedGuest, "label", "list", false)]
    [InlineData(LimitedGuest, "repository", "pull", true)]
    [InlineData(Guest, "repository", "pull", true)]
    [InlineData(Guest, "repository", "push", false)]
    [InlineData(ProjectAdmin, "log", "list", true)]
    [InlineData(Maintainer, "log", "list", false)]
    public void Grants_NotableCells(ProjectRole role, string resource, string action, bool expected) =>
        Assert.Equal(expected, RolePolicy.Grants(role, new Permission(resource, action)));

    [Theory]
    [InlineData(ProjectAdmin)]
    [InlineData(Guest)]
    public void Grants_TheAnyActionLiterally_IsNeverGranted(ProjectRole role) =>
        Assert.False(RolePolicy.Grants(role, new Permission("repository", "*")));

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Grants_UnknownRoleId_GrantsNothing(int id) =>
        Assert.False(RolePolicy.Grants((ProjectRole)id, new Permission("repository", "pull")));

    [Fact]
    public void PublicProject_IsWhatHarborGivesEveryone()
    {
        string[] expected =
        [
            "project:read", "label:read", "label:list", "repository:list", "repository:pull", "scan:read", "scanner:read",
            "tag:list", "artifact:read", "artifact:list", "artifact-addition:read", "accessory:list",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), RolePolicy.PublicProject.Select(p => p.ToString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("repository", "push")]
    [InlineData("repository", "delete")]
    [InlineData("artifact", "delete")]
    [InlineData("tag", "create")]
    [InlineData("member", "list")]
    [InlineData("scan", "create")]
    public void PublicProject_GivesNoWriteOrMemberAccess(string resource, string action) =>
        Assert.DoesNotContain(new Permission(resource, action), (IReadOnlySet<Permission>)RolePolicy.PublicProject);

    private static string[] Split(string actions) => actions.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string[] Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
}
