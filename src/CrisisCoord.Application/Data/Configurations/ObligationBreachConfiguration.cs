using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class ObligationBreachConfiguration : IEntityTypeConfiguration<ObligationBreach>
{
    public void Configure(EntityTypeBuilder<ObligationBreach> builder)
    {
        builder.ToTable("obligation_breaches");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Key).HasMaxLength(ObligationBreach.KeyMaxLength);
        builder.Property(x => x.Subject).HasMaxLength(ObligationBreach.SubjectMaxLength);
        // One row, and so one timeline event, per breach, however many watchers see it.
        builder.HasIndex(x => x.Key).IsUnique();
        builder.HasIndex(x => new { x.OrganisationId, x.DetectedAt });
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
