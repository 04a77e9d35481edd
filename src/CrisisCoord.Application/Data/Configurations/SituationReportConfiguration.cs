using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class SituationReportConfiguration : IEntityTypeConfiguration<SituationReport>
{
    public void Configure(EntityTypeBuilder<SituationReport> builder)
    {
        builder.ToTable("situation_reports");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        foreach (var text in new[] { nameof(SituationReport.Summary), nameof(SituationReport.Needs), nameof(SituationReport.ActionsTaken), nameof(SituationReport.NextSteps) })
        {
            builder.Property(text).HasMaxLength(SituationReport.TextMaxLength);
        }

        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // Latest per organisation, and "when did this organisation last report" for the obligation.
        builder.HasIndex(x => new { x.IncidentId, x.OrganisationId, x.SubmittedAt });
        builder.ToTable(t => t.HasCheckConstraint("ck_situation_reports_counts", "(casualties IS NULL OR casualties >= 0) AND (people_affected IS NULL OR people_affected >= 0)"));
    }
}

internal sealed class LogEntryConfiguration : IEntityTypeConfiguration<LogEntry>
{
    public void Configure(EntityTypeBuilder<LogEntry> builder)
    {
        builder.ToTable("incident_log");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Text).HasMaxLength(LogEntry.TextMaxLength);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.IncidentId, x.PostedAt });
    }
}
