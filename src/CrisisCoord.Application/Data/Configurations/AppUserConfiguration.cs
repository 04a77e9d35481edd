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

        // Never on the timeline: secrets, and Identity's lookup copies of the e-mail.
        foreach (var property in new[] { nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName) })
        {
            builder.Property(property).HasAnnotation(ChangeJournal.NotRecorded, true);
        }
    }
}
