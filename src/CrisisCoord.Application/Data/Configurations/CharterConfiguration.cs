using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class CharterEntryConfiguration : IEntityTypeConfiguration<CharterEntry>
{
    public void Configure(EntityTypeBuilder<CharterEntry> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.LegalBasis).HasMaxLength(CharterEntry.LegalBasisMaxLength);
        builder.Property(x => x.Version).IsRowVersion();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);

        // One entry per (kind or organisation, item): a kind default has no organisation, and NULLs must collide.
        builder.HasIndex(x => new { x.Kind, x.OrganisationId, x.Right, x.Obligation }).IsUnique().AreNullsDistinct(false);
        builder.ToTable(t => t.HasCheckConstraint(
            "ck_charter_entries_one_item", "(\"right\" IS NULL) <> (obligation IS NULL)"));
    }
}

internal sealed class CharterChangeConfiguration : IEntityTypeConfiguration<CharterChange>
{
    public void Configure(EntityTypeBuilder<CharterChange> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Item).HasMaxLength(32);
        builder.Property(x => x.FromLegalBasis).HasMaxLength(CharterEntry.LegalBasisMaxLength);
        builder.Property(x => x.ToLegalBasis).HasMaxLength(CharterEntry.LegalBasisMaxLength);
        builder.HasIndex(x => x.ChangedAt);
    }
}
