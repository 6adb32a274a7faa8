using System.Net;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Scanning.ScanCalls;

namespace Berth.IntegrationTests.Scanning;

/// <summary>
/// Harbor's scheduled scan-all against the real server: the schedule is set, read back with its next time, fires by
/// itself, survives a restart, and is removed with type None.
/// </summary>
public sealed class ScanAllScheduleTests : IAsyncLifetime
{
    private const string Schedule = "api/v2.0/system/scanAll/schedule";

    private BerthServer _server = null!;

    // Read every second, so a schedule set through the API is followed within a second.
    public async Task InitializeAsync() =>
        _server = await BerthServer.StartAsync(new Dictionary<string, string> { ["BERTH__Scanner__ScheduleCheckInterval"] = "00:00:01" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ACustomSchedule_FiresScanAll_ByItself_AndSurvivesARestart()
    {
        await CreateProjectAsync(_server, "nightly", autoScan: false);
        await PushAsync(_server, TestImages.Minbase, "nightly/base", "v1");
        using var admin = _server.CreateClient();
        Assert.Null((await ApiImage.GetJsonAsync(admin, Schedule))["schedule"]);

        using (var response = await admin.PostAsync(Schedule, ApiCalls.Json("""{"schedule":{"type":"Custom","cron":"*/3 * * * * *"}}""")))
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var before = DateTimeOffset.UtcNow;
        var set = (await ApiImage.GetJsonAsync(admin, Schedule))["schedule"]!;
        Assert.Equal("Custom", set["type"]!.GetValue<string>());
        Assert.Equal("*/3 * * * * *", set["cron"]!.GetValue<string>());
        var next = set["next_scheduled_time"]!.GetValue<DateTimeOffset>();
        Assert.Equal(0, next.Second % 3);
        Assert.InRange(next, before.AddSeconds(-1), before.AddSeconds(4));

        // Nobody asked for a scan: the schedule does.
        var first = await WaitForSuccessAsync(admin, "nightly", "base", "v1");
        // And again at a later occurrence: a new report replaces the first.
        await Poll.UntilAsync(async () => (await OverviewAsync(admin, "nightly", "base", "v1"))?["report_id"]?.GetValue<string>() is { } id
            && id != first["report_id"]!.GetValue<string>(), ScanTimeout, "the next scheduled scan");

        // Harbor refuses a second schedule on POST; PUT changes it.
        await ApiCalls.ErrorMessageAsync(
            await admin.PostAsync(Schedule, ApiCalls.Json("""{"schedule":{"type":"Daily","cron":"0 0 0 * * *"}}""")), HttpStatusCode.PreconditionFailed);
        using (var response = await admin.PutAsync(Schedule, ApiCalls.Json("""{"schedule":{"type":"Weekly"}}""")))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await _server.StopAsync();
        await _server.StartAgainAsync();

        using var again = _server.CreateClient();
        var kept = (await ApiImage.GetJsonAsync(again, Schedule))["schedule"]!;
        Assert.Equal("Weekly", kept["type"]!.GetValue<string>());
        Assert.Equal("0 0 0 * * 0", kept["cron"]!.GetValue<string>());
        var sunday = kept["next_scheduled_time"]!.GetValue<DateTimeOffset>();
        Assert.Equal(DayOfWeek.Sunday, sunday.UtcDateTime.DayOfWeek);
        Assert.Equal(TimeSpan.Zero, sunday.UtcDateTime.TimeOfDay);

        using (var response = await again.PutAsync(Schedule, ApiCalls.Json("""{"schedule":{"type":"None"}}""")))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await ApiImage.GetJsonAsync(again, Schedule))["schedule"]);
    }

    [Theory]
    [InlineData("""{"schedule":{"type":"Custom","cron":"0 0 25 * * *"}}""", "hour field")]
    [InlineData("""{"schedule":{"type":"Custom","cron":"0 0 * * *"}}""", "6")]
    [InlineData("""{"schedule":{"type":"Custom","cron":"0 0 0 * JANUARY *"}}""", "month field")]
    [InlineData("""{"schedule":{"type":"Custom"}}""", "needs a cron")]
    [InlineData("""{"schedule":{"type":"Sometimes","cron":"0 0 * * * *"}}""", "Sometimes")]
    [InlineData("""{"schedule":{}}""", "type")]
    public async Task AnInvalidSchedule_Is400_SayingWhatIsWrong_AndNothingIsStored(string body, string expected)
    {
        using var admin = _server.CreateClient();

        var message = await ApiCalls.ErrorMessageAsync(await admin.PostAsync(Schedule, ApiCalls.Json(body)), HttpStatusCode.BadRequest);
        Assert.Contains(expected, message);
        message = await ApiCalls.ErrorMessageAsync(await admin.PutAsync(Schedule, ApiCalls.Json(body)), HttpStatusCode.BadRequest);
        Assert.Contains(expected, message);

        Assert.Null((await ApiImage.GetJsonAsync(admin, Schedule))["schedule"]);
    }

    [Fact]
    public async Task TheSchedule_IsTheAdministratorsOnly_AndCannotBeManual()
    {
        await new ServerDatabase(_server).AddUserAsync("someone", "Someone-Password1");
        using var admin = _server.CreateClient();
        await ApiCalls.ErrorMessageAsync(
            await admin.PutAsync(Schedule, ApiCalls.Json("""{"schedule":{"type":"Manual"}}""")), HttpStatusCode.BadRequest);

        using var someone = ApiCalls.SignedIn(_server, "someone", "Someone-Password1");
        await ApiCalls.ErrorMessageAsync(await someone.GetAsync(Schedule), HttpStatusCode.Forbidden);
        await ApiCalls.ErrorMessageAsync(
            await someone.PutAsync(Schedule, ApiCalls.Json("""{"schedule":{"type":"Hourly"}}""")), HttpStatusCode.Forbidden);
        Assert.Null((await ApiImage.GetJsonAsync(admin, Schedule))["schedule"]);
    }
}
