using CrisisCoord.Application.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

public sealed class TextVersionConfiguration : IEntityTypeConfiguration<TextVersion>
{
    public void Configure(EntityTypeBuilder<TextVersion> builder)
    {
        builder.ToTable("text_versions", t => t.HasCheckConstraint("ck_text_versions_not_empty", "length(version) > 0"));
        builder.HasKey(v => new { v.Language, v.Original });
        builder.Property(v => v.Language).HasMaxLength(16);
        // The longest text a version is kept for (a description); the key's index holds it whole.
        builder.Property(v => v.Original).HasMaxLength(TextVersions.MaxOriginalLength);
        builder.Property(v => v.Version).HasMaxLength(TextVersions.MaxOriginalLength * 2);
    }
}
