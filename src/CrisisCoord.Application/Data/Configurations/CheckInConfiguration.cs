using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.CheckIns;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Version).IsRowVersion();
        // Where a person is and what they wrote are for the incident's coordinators and themself; the timeline, read by
        // every participant, records that they checked in and how they are, not where or what they said (ADR 0031).
        builder.Property(x => x.PlaceName).HasMaxLength(CheckIn.PlaceNameMaxLength).HasAnnotation(ChangeJournal.NotRecorded, true);
        builder.Property(x => x.Note).HasMaxLength(CheckIn.NoteMaxLength).HasAnnotation(ChangeJournal.NotRecorded, true);
        builder.Property(x => x.Latitude).HasAnnotation(ChangeJournal.NotRecorded, true);
        builder.Property(x => x.Longitude).HasAnnotation(ChangeJournal.NotRecorded, true);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IncidentTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        // One check-in per person per incident: they update it rather than post another.
        builder.HasIndex(x => new { x.IncidentId, x.UserId }).IsUnique();
        builder.HasIndex(x => new { x.UserId, x.UpdatedAt });
        builder.HasIndex(x => x.TaskId).IsUnique().HasFilter("task_id IS NOT NULL");
    }
}
