using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class IncidentReportConfiguration : IEntityTypeConfiguration<IncidentReport>
{
    public void Configure(EntityTypeBuilder<IncidentReport> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.CallbackNumber).HasMaxLength(IncidentReport.CallbackNumberMaxLength);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.FirstIncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReporterUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ReporterOrganisationId).OnDelete(DeleteBehavior.Restrict);
        // "My reports", newest first; and who reported what is now in an incident (whose reporters see its detail).
        builder.HasIndex(x => new { x.ReporterUserId, x.ReportedAt });
        builder.HasIndex(x => new { x.IncidentId, x.ReporterUserId });
    }
}

internal sealed class ReportPhotoConfiguration : IEntityTypeConfiguration<ReportPhoto>
{
    public void Configure(EntityTypeBuilder<ReportPhoto> builder)
    {
        builder.ToTable("report_photos");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ContentType).HasMaxLength(16);
        builder.Property(x => x.FileName).HasMaxLength(ReportPhoto.FileNameMaxLength);
        builder.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        // The bytes stay out of the timeline: its payload records the photo's SHA-256 and length instead.
        builder.Property(x => x.Content).HasColumnType("bytea").HasAnnotation(ChangeJournal.NotRecorded, true);
        builder.HasOne<IncidentReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.ReportId, x.Position }).IsUnique();
        builder.HasIndex(x => x.IncidentId);
        builder.ToTable(t => t.HasCheckConstraint("ck_report_photos_length", $"length BETWEEN 1 AND {ReportPhoto.MaxBytes} AND octet_length(content) = length"));
    }
}

internal sealed class IncidentLinkConfiguration : IEntityTypeConfiguration<IncidentLink>
{
    public void Configure(EntityTypeBuilder<IncidentLink> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Note).HasMaxLength(IncidentLink.NoteMaxLength);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.RelatedIncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.LinkedByUserId).OnDelete(DeleteBehavior.Restrict);
        // One link per ordered pair; LinkIncidents also refuses the reverse of an existing link.
        builder.HasIndex(x => new { x.IncidentId, x.RelatedIncidentId }).IsUnique();
        builder.HasIndex(x => x.RelatedIncidentId);
        builder.ToTable(t => t.HasCheckConstraint("ck_incident_links_distinct", "incident_id <> related_incident_id"));
    }
}
