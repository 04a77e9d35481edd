using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrisisCoord.Application.Data.Configurations;

internal sealed class IncidentParticipantConfiguration : IEntityTypeConfiguration<IncidentParticipant>
{
    public void Configure(EntityTypeBuilder<IncidentParticipant> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Note).HasMaxLength(IncidentParticipant.NoteMaxLength);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // One row per organisation and incident; it also answers "which incidents does my organisation take part in".
        builder.HasIndex(x => new { x.IncidentId, x.OrganisationId }).IsUnique();
        builder.HasIndex(x => new { x.OrganisationId, x.Status });
    }
}
