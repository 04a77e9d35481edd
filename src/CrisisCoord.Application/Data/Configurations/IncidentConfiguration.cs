using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Title).HasMaxLength(Incident.TitleMaxLength);
        builder.Property(x => x.Description).HasMaxLength(Incident.DescriptionMaxLength);
        builder.Property(x => x.PlaceName).HasMaxLength(Incident.PlaceNameMaxLength);
        builder.Property(x => x.StateReason).HasMaxLength(Incident.ReasonMaxLength);
        builder.Property(x => x.SeverityReason).HasMaxLength(Incident.ReasonMaxLength);
        builder.Property(x => x.DetailsReason).HasMaxLength(Incident.ReasonMaxLength);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.MergedIntoIncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Version).IsRowVersion();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ReportedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReportedByUserId).OnDelete(DeleteBehavior.Restrict);

        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_incidents_latitude", "latitude BETWEEN -90 AND 90");
            t.HasCheckConstraint("ck_incidents_longitude", "longitude BETWEEN -180 AND 180");
        });

        // The list is read newest first, optionally filtered; these back its keyset pagination.
        builder.HasIndex(x => new { x.ReportedAt, x.Id }).IsDescending(true, true);
        builder.HasIndex(x => new { x.State, x.ReportedAt, x.Id }).IsDescending(false, true, true);
    }
}
