using CrisisCoord.Application.Features.Reports;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>The demo's citizens' reports: photos, a merged duplicate, a collateral incident linked to the earthquake.</summary>
public sealed partial class DemoDataSeeder
{
    /// <summary>What a demo report carries besides the incident: a call-back number and photos (name, bytes).</summary>
    private sealed record DemoReport(string Callback, params (string Name, byte[] Bytes)[] Photos);

    /// <summary>The report filed with a demo incident, as LogIncident files it, with its photos prepared the same way.</summary>
    private void FileReport(Incident incident, Guid reporter, Guid? organisation, DemoReport demo)
    {
        var report = IncidentReport.File(incident.Id, reporter, organisation, demo.Callback, false, incident.ReportedAt);
        db.IncidentReports.Add(report);
        for (var i = 0; i < demo.Photos.Length; i++)
        {
            var photo = ReportPhotoRules.Prepare(new PhotoUpload(demo.Photos[i].Name, demo.Photos[i].Bytes), i + 1, keepLocation: false);
            db.ReportPhotos.Add(ReportPhoto.Store(report, i + 1, photo.Format.ContentType(), photo.FileName, photo.Content, photo.Sha256, photo.MetadataRemoved, incident.ReportedAt));
        }
    }

    /// <summary>Water seeping at the foot of a dam: brown earth, a dark wet fan, grass either side.</summary>
    private static byte[] SeepagePicture() => DemoImages.Png(48, 32, (x, y) =>
        y > 20 && Math.Abs(x - 24) < (y - 20) * 2 ? new DemoImages.Rgb(52, 60, 66)
        : y < 10 ? new DemoImages.Rgb(120, 160, 90)
        : new DemoImages.Rgb(128, 96, 64));

    /// <summary>
    /// The private citizen reports the landslide the earthquake caused, from their phone, with a photo and no grade; the
    /// coordinator merges it into the earthquake (its road task covers it), and links the dam's cracks to the earthquake
    /// as a collateral incident. The chlorine leak happened days before the earthquake, so it is not linked to it.
    /// </summary>
    private async Task SeedCitizenReportsAsync(By coordinator, DateTimeOffset now, CancellationToken ct)
    {
        var resident = await db.Users.Where(u => u.Email == PrivateCitizen.Email).Select(u => u.Id).SingleAsync(ct);
        var earthquake = db.Incidents.Local.Single(i => i.Title == "M6.1 earthquake near Xiba Town");
        var dam = db.Incidents.Local.Single(i => i.Title == "Cracks in Liuzhuang reservoir dam");

        Incident? landslide = null;
        var reported = now.AddHours(-6).AddMinutes(-30);
        await StepAsync("LogIncident", typeof(Incident), new By(resident, null), reported, ct, () =>
        {
            landslide = Incident.Report(
                "Landslide blocking the road to Liuzhuang",
                "Half the hillside came down on the road after the shaking. A car is stuck on the far side; nobody hurt that I can see.",
                IncidentCategory.NaturalDisaster, null, "Liuzhuang road, km 4", 30.7105, 114.0800, reported, new Reporter(resident, null));
            db.Incidents.Add(landslide);
            FileReport(landslide, resident, null, new DemoReport("138 0000 5678", ("landslide.jpg", DemoImages.Jpeg(64, 48, Landslide))));
            return Task.CompletedTask;
        });

        var merged = now.AddMinutes(-20);
        timeline.Begin();
        landslide!.MergeInto(earthquake, "The same landslide: the earthquake's board has the task to clear the Liuzhuang road.", merged);
        foreach (var report in db.IncidentReports.Local.Where(r => r.IncidentId == landslide.Id))
        {
            report.MoveTo(earthquake.Id);
        }

        foreach (var photo in db.ReportPhotos.Local.Where(p => p.IncidentId == landslide.Id))
        {
            photo.MoveTo(earthquake.Id);
        }

        timeline.AlsoRecordOn(earthquake.Id);
        await timeline.RecordAsync("MergeIncident", typeof(Incident), coordinator.User, coordinator.Organisation, merged, ct);

        var linked = now.AddMinutes(-15);
        timeline.Begin();
        db.IncidentLinks.Add(IncidentLink.Between(earthquake.Id, dam.Id, IncidentRelation.Caused, "The dam cracked in the earthquake; engineers are on their way.", coordinator.User, linked));
        timeline.AlsoRecordOn(dam.Id);
        await timeline.RecordAsync("LinkIncidents", typeof(IncidentLink), coordinator.User, coordinator.Organisation, linked, ct);
    }

    /// <summary>A brown slope across a grey road under a pale sky, in blocks.</summary>
    private static DemoImages.Rgb Landslide(int x, int y) =>
        y < 2 ? new DemoImages.Rgb(190, 205, 220)
        : x + y < 9 ? new DemoImages.Rgb(120, 84, 52)
        : new DemoImages.Rgb(110, 110, 112);
}
