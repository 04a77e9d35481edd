using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Recovery;
using CrisisCoord.Domain.Requests;
using CrisisCoord.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class DamageAssessmentConfiguration : IEntityTypeConfiguration<DamageAssessment>
{
    public void Configure(EntityTypeBuilder<DamageAssessment> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Version).IsRowVersion();
        builder.Property(x => x.PlaceName).HasMaxLength(DamageAssessment.PlaceNameMaxLength);
        builder.Property(x => x.Notes).HasMaxLength(DamageAssessment.NotesMaxLength);
        builder.Ignore(x => x.Counts);
        builder.HasMany(x => x.Needs).WithOne().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Needs).HasField("_needs").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IncidentTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        // Areas are summed by place name whatever its case: the index serves that grouping.
        builder.HasIndex(x => new { x.IncidentId, x.PlaceName });
    }
}

internal sealed class AssessmentNeedConfiguration : IEntityTypeConfiguration<AssessmentNeed>
{
    public void Configure(EntityTypeBuilder<AssessmentNeed> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Quantity).HasPrecision(14, 2);
        builder.HasOne<ResourceType>().WithMany().HasForeignKey(x => x.ResourceTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ResourceRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.AssessmentId, x.ResourceTypeId }).IsUnique();
        builder.HasIndex(x => x.RequestId).IsUnique().HasFilter("request_id IS NOT NULL");
    }
}
