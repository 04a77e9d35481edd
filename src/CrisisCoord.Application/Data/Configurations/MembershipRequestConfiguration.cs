using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class MembershipRequestConfiguration : IEntityTypeConfiguration<MembershipRequest>
{
    public void Configure(EntityTypeBuilder<MembershipRequest> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Note).HasMaxLength(MembershipRequest.NoteMaxLength);
        builder.Property(x => x.Reason).HasMaxLength(MembershipRequest.NoteMaxLength);
        builder.Property(x => x.Skills).HasMaxLength(MembershipRequest.OfferMaxLength);
        builder.Property(x => x.Availability).HasMaxLength(MembershipRequest.OfferMaxLength);
        builder.Property(x => x.Version).IsRowVersion();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        // A person has at most one open request per group; the group's list of pending requests reads this index.
        builder.HasIndex(x => new { x.OrganisationId, x.UserId }).IsUnique().HasFilter("status = 'Pending'");
        builder.HasIndex(x => new { x.UserId, x.Status });
    }
}
