using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Requests;
using CrisisCoord.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class ResourceRequestConfiguration : IEntityTypeConfiguration<ResourceRequest>
{
    public void Configure(EntityTypeBuilder<ResourceRequest> builder)
    {
        builder.ToTable("resource_requests", t =>
        {
            t.HasCheckConstraint("ck_resource_requests_quantity", "quantity > 0");
            t.HasCheckConstraint("ck_resource_requests_latitude", "delivery_latitude BETWEEN -90 AND 90");
            t.HasCheckConstraint("ck_resource_requests_longitude", "delivery_longitude BETWEEN -180 AND 180");
        });
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Quantity).HasPrecision(14, 2);
        builder.Property(x => x.DeliveryPlace).HasMaxLength(ResourceRequest.PlaceMaxLength);
        builder.Property(x => x.Notes).HasMaxLength(ResourceRequest.NotesMaxLength);
        builder.Property(x => x.ClosedReason).HasMaxLength(ResourceRequest.NotesMaxLength);
        builder.Property(x => x.Version).IsRowVersion();
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ResourceType>().WithMany().HasForeignKey(x => x.ResourceTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.RaisedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.IncidentId, x.RaisedAt });
        builder.HasIndex(x => new { x.State, x.RaisedAt });
    }
}

internal sealed class RequestAddresseeConfiguration : IEntityTypeConfiguration<RequestAddressee>
{
    public void Configure(EntityTypeBuilder<RequestAddressee> builder)
    {
        builder.ToTable("resource_request_addressees");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasOne<ResourceRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.RequestId, x.OrganisationId }).IsUnique();
        builder.HasIndex(x => x.OrganisationId);
    }
}

internal sealed class ResourceOfferConfiguration : IEntityTypeConfiguration<ResourceOffer>
{
    public void Configure(EntityTypeBuilder<ResourceOffer> builder)
    {
        builder.ToTable("resource_offers", t => t.HasCheckConstraint("ck_resource_offers_quantity", "quantity >= 0"));
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Quantity).HasPrecision(14, 2);
        builder.Property(x => x.Note).HasMaxLength(ResourceOffer.NoteMaxLength);
        builder.Property(x => x.Version).IsRowVersion();
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ResourceRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resource>().WithMany().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.RequestId, x.OrganisationId });
        builder.HasIndex(x => x.IncidentId);
    }
}

internal sealed class ResourceCommitmentConfiguration : IEntityTypeConfiguration<ResourceCommitment>
{
    public void Configure(EntityTypeBuilder<ResourceCommitment> builder)
    {
        builder.ToTable("resource_commitments", t => t.HasCheckConstraint("ck_resource_commitments_quantity", "quantity > 0"));
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Quantity).HasPrecision(14, 2);
        builder.Property(x => x.Note).HasMaxLength(ResourceCommitment.NoteMaxLength);
        builder.Property(x => x.Version).IsRowVersion();
        builder.Ignore(x => x.Counts);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ResourceRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ResourceOffer>().WithMany().HasForeignKey(x => x.OfferId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resource>().WithMany().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.RequestId);
        builder.HasIndex(x => new { x.IncidentId, x.State });
        builder.HasIndex(x => x.OfferId);
    }
}
