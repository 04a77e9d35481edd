using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class ResourceTypeConfiguration : IEntityTypeConfiguration<ResourceType>
{
    public void Configure(EntityTypeBuilder<ResourceType> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Code).HasMaxLength(ResourceType.CodeMaxLength);
        builder.Property(x => x.Name).HasMaxLength(ResourceType.NameMaxLength);
        builder.Property(x => x.Unit).HasMaxLength(ResourceType.UnitMaxLength);
        builder.HasIndex(x => x.Code).IsUnique();
        builder.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Quantity).HasPrecision(14, 2);
        builder.Property(x => x.Committed).HasPrecision(14, 2);
        builder.Ignore(x => x.Available);
        builder.Property(x => x.PlaceName).HasMaxLength(Resource.PlaceNameMaxLength);
        builder.Property(x => x.Notes).HasMaxLength(Resource.NotesMaxLength);
        builder.Property(x => x.Version).IsRowVersion();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ResourceType>().WithMany().HasForeignKey(x => x.ResourceTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.ResourceTypeId, x.OrganisationId });
        builder.HasIndex(x => x.OrganisationId);

        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_resources_quantity", "quantity >= 0");
            // Never over-committed, whatever writes the row.
            t.HasCheckConstraint("ck_resources_committed", "committed >= 0 AND committed <= quantity");
            t.HasCheckConstraint("ck_resources_latitude", "latitude BETWEEN -90 AND 90");
            t.HasCheckConstraint("ck_resources_longitude", "longitude BETWEEN -180 AND 180");
            t.HasCheckConstraint("ck_resources_availability", "available_until IS NULL OR available_from IS NULL OR available_until >= available_from");
        });
    }
}

internal sealed class InventoryImportConfiguration : IEntityTypeConfiguration<InventoryImport>
{
    public void Configure(EntityTypeBuilder<InventoryImport> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.FileName).HasMaxLength(InventoryImport.FileNameMaxLength);
        builder.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ImportedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.OrganisationId, x.ImportedAt });
    }
}
