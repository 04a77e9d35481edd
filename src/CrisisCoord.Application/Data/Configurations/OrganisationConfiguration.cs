using CrisisCoord.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(x => x.AreaName).HasMaxLength(Organisation.AreaNameMaxLength);
        builder.Property(x => x.ContactName).HasMaxLength(Organisation.ContactMaxLength);
        builder.Property(x => x.ContactPhone).HasMaxLength(Organisation.ContactMaxLength);
        builder.Property(x => x.ContactEmail).HasMaxLength(Organisation.ContactMaxLength);
        builder.Property(x => x.Version).IsRowVersion();
        builder.HasIndex(x => x.Name).IsUnique();
        builder.HasIndex(x => new { x.Kind, x.Level });

        builder.OwnsOne(x => x.Profile, profile =>
        {
            profile.Property(p => p.Purpose).HasColumnName("purpose").HasMaxLength(OrganisationProfile.FieldMaxLength);
            profile.Property(p => p.Neutrality).HasColumnName("neutrality").HasMaxLength(OrganisationProfile.FieldMaxLength);
            profile.Property(p => p.ResourceMobilisation).HasColumnName("resource_mobilisation").HasMaxLength(OrganisationProfile.FieldMaxLength);
            profile.Property(p => p.MethodsAndMeasures).HasColumnName("methods_and_measures").HasMaxLength(OrganisationProfile.FieldMaxLength);
        });
        builder.Navigation(x => x.Profile).IsRequired();

        builder.OwnsOne(x => x.ServiceArea, area =>
        {
            area.Property(a => a.Latitude).HasColumnName("service_area_latitude");
            area.Property(a => a.Longitude).HasColumnName("service_area_longitude");
            area.Property(a => a.RadiusKm).HasColumnName("service_area_radius_km");
        });
    }
}
