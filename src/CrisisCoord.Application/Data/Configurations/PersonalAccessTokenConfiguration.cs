using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.AccessTokens;
using CrisisCoord.Application.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.ToTable("personal_access_tokens");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.UserId);
        builder.Property(x => x.Name).HasMaxLength(PersonalAccessToken.NameMaxLength);
        builder.Property(x => x.Hash).HasMaxLength(32).HasAnnotation(ChangeJournal.NotRecorded, true);
        builder.Property(x => x.SecurityStamp).HasMaxLength(256).HasAnnotation(ChangeJournal.NotRecorded, true);
    }
}
