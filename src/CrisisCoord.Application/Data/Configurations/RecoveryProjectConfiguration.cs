using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Recovery;
using CrisisCoord.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class RecoveryProjectConfiguration : IEntityTypeConfiguration<RecoveryProject>
{
    public void Configure(EntityTypeBuilder<RecoveryProject> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Version).IsRowVersion();
        builder.Property(x => x.Title).HasMaxLength(RecoveryProject.TitleMaxLength);
        builder.Property(x => x.BudgetAmount).HasPrecision(16, 2);
        builder.Property(x => x.BudgetCurrency).HasMaxLength(3);
        builder.Ignore(x => x.Budget);
        builder.Ignore(x => x.PercentDone);
        builder.HasMany(x => x.Milestones).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Milestones).HasField("_milestones").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Objective>().WithMany().HasForeignKey(x => x.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.IncidentId, x.StartedAt });
        builder.ToTable(t => t.HasCheckConstraint("ck_recovery_projects_budget_not_negative", "budget_amount >= 0"));
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.ToTable("recovery_milestones");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Title).HasMaxLength(Milestone.TitleMaxLength);
        builder.HasIndex(x => new { x.ProjectId, x.Position }).IsUnique();
    }
}

internal sealed class ShelterConfiguration : IEntityTypeConfiguration<Shelter>
{
    public void Configure(EntityTypeBuilder<Shelter> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Version).IsRowVersion();
        builder.Property(x => x.Name).HasMaxLength(Shelter.NameMaxLength);
        builder.Property(x => x.PlaceName).HasMaxLength(Shelter.PlaceNameMaxLength);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.IncidentId);
        // The database holds the rule too: no write path may leave more people than beds.
        builder.ToTable(t => t.HasCheckConstraint("ck_shelters_occupancy_within_capacity", "occupancy >= 0 AND occupancy <= capacity"));
    }
}

internal sealed class ReliefDistributionConfiguration : IEntityTypeConfiguration<ReliefDistribution>
{
    public void Configure(EntityTypeBuilder<ReliefDistribution> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Quantity).HasPrecision(14, 2);
        builder.Property(x => x.PlaceName).HasMaxLength(ReliefDistribution.PlaceNameMaxLength);
        builder.Property(x => x.Notes).HasMaxLength(ReliefDistribution.NotesMaxLength);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resource>().WithMany().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ResourceType>().WithMany().HasForeignKey(x => x.ResourceTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Shelter>().WithMany().HasForeignKey(x => x.ShelterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.IncidentId, x.DistributedAt });
    }
}
