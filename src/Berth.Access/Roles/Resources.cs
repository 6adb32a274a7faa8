namespace Berth.Access.Roles;

/// <summary>The project-level resource names of Harbor's RBAC.</summary>
public static class Resources
{
    public const string Repository = "repository";
    public const string Artifact = "artifact";
    public const string Tag = "tag";
    public const string Scan = "scan";
    public const string Sbom = "sbom";
    public const string Member = "member";
    public const string Metadata = "metadata";
    public const string Robot = "robot";
    public const string Label = "label";
    public const string ImmutableTag = "immutable-tag";
    public const string TagRetention = "tag-retention";
    public const string NotificationPolicy = "notification-policy";
    public const string Log = "log";
    public const string ArtifactLabel = "artifact-label";
    public const string ExportCve = "export-cve";
    public const string Quota = "quota";
    public const string Configuration = "configuration";
    public const string Scanner = "scanner";
    public const string ArtifactAddition = "artifact-addition";
    public const string Accessory = "accessory";
    public const string Project = "project";
}
