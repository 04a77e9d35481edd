using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class ReviewNoteConfiguration : IEntityTypeConfiguration<ReviewNote>
{
    public void Configure(EntityTypeBuilder<ReviewNote> builder)
    {
        builder.ToTable("review_notes");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Text).HasMaxLength(ReviewNote.TextMaxLength);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.IncidentId, x.WrittenAt });
    }
}

internal sealed class ReviewSignatureConfiguration : IEntityTypeConfiguration<ReviewSignature>
{
    public void Configure(EntityTypeBuilder<ReviewSignature> builder)
    {
        builder.ToTable("review_signatures");
        // One signature per incident: the key itself refuses a second.
        builder.HasKey(x => x.IncidentId);
        builder.Property(x => x.IncidentId).ValueGeneratedNever();
        builder.Property(x => x.ContentHash).HasMaxLength(64);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
