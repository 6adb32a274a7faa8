using System.Text.Json;

namespace Berth.Policy.Admission;

/// <summary>
/// The parts of an AdmissionReview v1 <c>request</c> a decision reads. <see cref="Object"/> and
/// <see cref="OldObject"/> point into the review's JSON document, which lives as long as the <see cref="AdmissionReview"/>.
/// </summary>
/// <param name="Group">The object's API group (<c>""</c> for the core group, <c>apps</c>, <c>batch</c>).</param>
/// <param name="SubResource">For example <c>ephemeralcontainers</c>; empty when the request is for the resource itself.</param>
public sealed record AdmissionRequest(
    string Uid,
    string Group,
    string Version,
    string Kind,
    string Resource,
    string SubResource,
    string Namespace,
    string Name,
    string Operation,
    JsonElement? Object,
    JsonElement? OldObject,
    bool DryRun)
{
    /// <summary>The namespace the object is in: the request's, else the object's own <c>metadata.namespace</c>.</summary>
    public string ObjectNamespace => Namespace.Length > 0 ? Namespace : ObjectMetadata("namespace");

    /// <summary><c>metadata.{field}</c> of <see cref="Object"/> when it is a string; empty otherwise.</summary>
    public string ObjectMetadata(string field) =>
        Object is { } o && o.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()! : "";
}
