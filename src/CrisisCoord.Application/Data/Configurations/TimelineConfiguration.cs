using CrisisCoord.Domain.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class TimelineEventConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Action).HasMaxLength(TimelineEvent.ActionMaxLength);
        builder.Property(x => x.EntityType).HasMaxLength(TimelineEvent.EntityTypeMaxLength);
        builder.Property(x => x.EntityId).HasMaxLength(TimelineEvent.EntityIdMaxLength);
        // Text, not jsonb: the stored bytes are the hashed bytes (jsonb would reorder keys).
        builder.Property(x => x.Payload).HasColumnType("text");

        // Gapless per chain, and the seek index for verification and for one incident's timeline.
        builder.HasIndex(x => new { x.ChainId, x.Sequence }).IsUnique();
        // Keyset pagination of the auditor's workspace: time order, ties broken by (chain, sequence).
        builder.HasIndex(x => new { x.OccurredAt, x.ChainId, x.Sequence });
        builder.HasIndex(x => new { x.ActorOrganisationId, x.OccurredAt, x.ChainId, x.Sequence });
        builder.HasIndex(x => new { x.ActorUserId, x.OccurredAt, x.ChainId, x.Sequence });

        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_timeline_events_sequence", "sequence >= 1");
            t.HasCheckConstraint("ck_timeline_events_hashes", "octet_length(hash) = 32 AND octet_length(previous_hash) = 32");
        });
    }
}

internal sealed class CheckpointConfiguration : IEntityTypeConfiguration<Checkpoint>
{
    public void Configure(EntityTypeBuilder<Checkpoint> builder)
    {
        builder.ToTable("timeline_checkpoints");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.KeyId).HasMaxLength(16);
        builder.HasIndex(x => new { x.ChainId, x.Sequence });
        builder.HasIndex(x => x.TakenAt);
    }
}

internal sealed class WitnessConfiguration : IEntityTypeConfiguration<Witness>
{
    public void Configure(EntityTypeBuilder<Witness> builder)
    {
        builder.ToTable("timeline_witnesses", t =>
            t.HasCheckConstraint("ck_timeline_witnesses_head", "sequence >= 1 AND octet_length(head_hash) = 32"));
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.KeyId).HasMaxLength(16);
        builder.HasIndex(x => new { x.ChainId, x.Sequence });
    }
}
