using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Berth.Policy.Tests.Admission;

/// <summary>AdmissionReview v1 requests as the API server sends them, for every pod-creating kind.</summary>
internal static class AdmissionReviews
{
    public const string Uid = "0df28fbd-5f5f-4d5e-9b1e-3f6c2c1a7b11";

    public static readonly (string Group, string Kind, string Resource)[] Kinds =
    [
        ("", "Pod", "pods"),
        ("apps", "Deployment", "deployments"),
        ("apps", "ReplicaSet", "replicasets"),
        ("apps", "StatefulSet", "statefulsets"),
        ("apps", "DaemonSet", "daemonsets"),
        ("batch", "Job", "jobs"),
        ("batch", "CronJob", "cronjobs"),
        ("", "ReplicationController", "replicationcontrollers"),
        ("", "PodTemplate", "podtemplates"),
    ];

    /// <summary>A pod spec with the given containers (name, image), and optional init and ephemeral containers.</summary>
    public static JsonObject PodSpec((string Name, string Image)[] containers, (string Name, string Image)[]? init = null, (string Name, string Image)[]? ephemeral = null)
    {
        var spec = new JsonObject { ["containers"] = List(containers) };
        if (init is not null) spec["initContainers"] = List(init);
        if (ephemeral is not null) spec["ephemeralContainers"] = List(ephemeral);
        return spec;
    }

    /// <summary>An object of <paramref name="kind"/> whose pod spec is <paramref name="spec"/>, placed where that kind keeps it.</summary>
    public static JsonObject Object(string kind, JsonObject spec, Dictionary<string, string>? labels = null, Dictionary<string, string>? podLabels = null)
    {
        JsonObject Template() => new() { ["metadata"] = Metadata("web", podLabels), ["spec"] = spec };
        var obj = new JsonObject { ["apiVersion"] = "v1", ["kind"] = kind, ["metadata"] = Metadata("web", labels) };
        switch (kind)
        {
            case "Pod":
                obj["metadata"] = Metadata("web", labels ?? podLabels);
                obj["spec"] = spec;
                break;
            case "PodTemplate":
                obj["template"] = Template();
                break;
            case "CronJob":
                obj["spec"] = new JsonObject
                {
                    ["schedule"] = "*/5 * * * *",
                    ["jobTemplate"] = new JsonObject { ["spec"] = new JsonObject { ["template"] = Template() } },
                };
                break;
            default:
                obj["spec"] = new JsonObject { ["replicas"] = 1, ["template"] = Template() };
                break;
        }
        return obj;
    }

    public static byte[] Review(
        string kind, JsonNode? obj, string operation = "CREATE", JsonNode? oldObject = null, string @namespace = "team-a", string subResource = "")
    {
        (string Group, string Kind, string Resource) fallback = ("", kind, kind.ToLowerInvariant() + "s");
        var (group, _, resource) = Kinds.FirstOrDefault(k => k.Kind == kind, fallback);
        var request = new JsonObject
        {
            ["uid"] = Uid,
            ["kind"] = new JsonObject { ["group"] = group, ["version"] = "v1", ["kind"] = kind },
            ["resource"] = new JsonObject { ["group"] = group, ["version"] = "v1", ["resource"] = resource },
            ["name"] = "web",
            ["namespace"] = @namespace,
            ["operation"] = operation,
            ["userInfo"] = new JsonObject { ["username"] = "alice@example.com" },
            ["object"] = obj,
            ["oldObject"] = oldObject,
            ["dryRun"] = false,
        };
        if (subResource.Length > 0) request["subResource"] = subResource;
        var review = new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["request"] = request };
        return Encoding.UTF8.GetBytes(review.ToJsonString());
    }

    public static byte[] Pod(params (string Name, string Image)[] containers) => Review("Pod", Object("Pod", PodSpec(containers)));

    /// <summary>The response part of an answer, checked for the echoed envelope.</summary>
    public static JsonElement Response(byte[] review)
    {
        var root = JsonDocument.Parse(review).RootElement;
        Assert.Equal("admission.k8s.io/v1", root.GetProperty("apiVersion").GetString());
        Assert.Equal("AdmissionReview", root.GetProperty("kind").GetString());
        var response = root.GetProperty("response");
        Assert.Equal(Uid, response.GetProperty("uid").GetString());
        return response.Clone();
    }

    private static JsonObject Metadata(string name, Dictionary<string, string>? labels)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (labels is not null) metadata["labels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));
        return metadata;
    }

    private static JsonArray List((string Name, string Image)[] containers) =>
        new([.. containers.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["image"] = c.Image })]);
}
