using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(x => x.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.OrganisationId);
        builder.Property(x => x.PreferredLanguage).HasMaxLength(16);
        builder.Property(x => x.TimeZone).HasMaxLength(ReaderTime.ZoneMaxLength);

        // Never on the timeline: secrets, and Identity's lookup copies of the e-mail.
        foreach (var property in new[] { nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName),
            // How one person likes to read is no part of the crisis record.
            nameof(AppUser.PreferredLanguage), nameof(AppUser.TimeZone) })
        {
            builder.Property(property).HasAnnotation(ChangeJournal.NotRecorded, true);
        }
    }
}
