using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class IncidentTaskConfiguration : IEntityTypeConfiguration<IncidentTask>
{
    public void Configure(EntityTypeBuilder<IncidentTask> builder)
    {
        builder.ToTable("tasks");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Title).HasMaxLength(IncidentTask.TitleMaxLength);
        builder.Property(x => x.Description).HasMaxLength(IncidentTask.DescriptionMaxLength);
        builder.Property(x => x.Reason).HasMaxLength(IncidentTask.ReasonMaxLength);
        builder.Property(x => x.Version).IsRowVersion();
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.AssignedOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Objective>().WithMany().HasForeignKey(x => x.ObjectiveId).OnDelete(DeleteBehavior.SetNull);
        // The board (one incident) and "my organisation's tasks".
        builder.HasIndex(x => new { x.IncidentId, x.State });
        builder.HasIndex(x => new { x.AssignedOrganisationId, x.State });
    }
}
