using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using CrisisCoord.Application.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("user_sessions");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.UserId);
        builder.Property(x => x.SecurityStamp).HasMaxLength(256).HasAnnotation(ChangeJournal.NotRecorded, true);
        builder.Property(x => x.EndReason).HasMaxLength(100);
        builder.Property(x => x.ClientAddress).HasMaxLength(64);
        builder.Property(x => x.UserAgent).HasMaxLength(300);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("refresh_tokens");
        builder.HasKey(x => x.Hash);
        builder.Property(x => x.Hash).HasMaxLength(64).HasAnnotation(ChangeJournal.NotRecorded, true);
        builder.HasOne<UserSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.SessionId);
    }
}
