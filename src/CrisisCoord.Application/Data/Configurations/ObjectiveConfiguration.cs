using CrisisCoord.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Title).HasMaxLength(Objective.TitleMaxLength);
        builder.Property(x => x.Unit).HasMaxLength(Objective.UnitMaxLength);
        builder.Property(x => x.WaiverReason).HasMaxLength(Objective.ReasonMaxLength);
        builder.Property(x => x.Target).HasPrecision(14, 2);
        builder.Property(x => x.Progress).HasPrecision(14, 2);
        builder.Property(x => x.Version).IsRowVersion();
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.IncidentId, x.Phase });
        builder.ToTable(t => t.HasCheckConstraint("ck_objectives_progress", "progress >= 0"));
    }
}
