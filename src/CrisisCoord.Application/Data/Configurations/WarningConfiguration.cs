using System.Text.Json;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class WarningConfiguration : IEntityTypeConfiguration<Warning>
{
    private static readonly JsonSerializerOptions AreaJson = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Warning> builder)
    {
        builder.ToTable("warnings");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Event).HasMaxLength(Warning.EventMaxLength);
        builder.Property(x => x.Headline).HasMaxLength(Warning.HeadlineMaxLength);
        builder.Property(x => x.Description).HasMaxLength(Warning.TextMaxLength);
        builder.Property(x => x.Instruction).HasMaxLength(Warning.TextMaxLength);
        builder.Property(x => x.Audience).HasMaxLength(Warning.AudienceMaxLength);
        builder.Property(x => x.Restriction).HasMaxLength(Warning.RestrictionMaxLength);
        builder.Property(x => x.Version).IsRowVersion();

        // A few CAP words, stored as they read: "Shelter Evacuate".
        builder.Property(x => x.ResponseTypes)
            .HasConversion(
                v => string.Join(' ', v),
                s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<CapResponseType>).ToList(),
                new ValueComparer<IReadOnlyList<CapResponseType>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList()))
            .HasMaxLength(200);

        // The areas are read and written with the warning, never queried apart: one jsonb document.
        builder.Property(x => x.Areas)
            .HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, AreaJson),
                s => JsonSerializer.Deserialize<List<WarningArea>>(s, AreaJson) ?? new List<WarningArea>(),
                new ValueComparer<IReadOnlyList<WarningArea>>(
                    (a, b) => JsonSerializer.Serialize(a, AreaJson) == JsonSerializer.Serialize(b, AreaJson),
                    v => JsonSerializer.Serialize(v, AreaJson).GetHashCode(StringComparison.Ordinal),
                    v => v.ToList()));

        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.DraftedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.PublishedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.IncidentId, x.DraftedAt });
        // The public page and feed: live warnings, soonest to expire first.
        builder.HasIndex(x => new { x.State, x.Expires });
    }
}

internal sealed class WarningMessageConfiguration : IEntityTypeConfiguration<WarningMessage>
{
    public void Configure(EntityTypeBuilder<WarningMessage> builder)
    {
        builder.ToTable("warning_messages");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Identifier).HasMaxLength(WarningMessage.IdentifierMaxLength);
        builder.Property(x => x.Sender).HasMaxLength(WarningMessage.SenderMaxLength);
        builder.Property(x => x.SentText).HasMaxLength(32);
        builder.Ignore(x => x.Reference);
        builder.HasOne<Warning>().WithMany().HasForeignKey(x => x.WarningId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.WarningId, x.Sequence }).IsUnique();
        builder.HasIndex(x => new { x.Sender, x.Identifier }).IsUnique();
    }
}
