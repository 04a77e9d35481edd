using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Organisations;

public enum MembershipStatus
{
    /// <summary>Asked; the group has not answered yet.</summary>
    Pending,
    Admitted,
    Declined,
}

/// <summary>
/// A private citizen asks to join a citizens' group. Until the group's coordinator (or a platform administrator)
/// admits them they act for no one: they report incidents and see public information and their own reports.
/// </summary>
public sealed class MembershipRequest
{
    public const int NoteMaxLength = 1000;

    /// <summary>The longest a volunteer's skills or availability may be.</summary>
    public const int OfferMaxLength = 500;

    private MembershipRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>What the person says about themself: where they live, how they can help.</summary>
    public string Note { get; private set; } = "";

    /// <summary>What a volunteer can do; "" for a plain request to join.</summary>
    public string Skills { get; private set; } = "";

    /// <summary>When a volunteer can help; "" for a plain request to join.</summary>
    public string Availability { get; private set; } = "";

    public MembershipStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid? DecidedByUserId { get; private set; }

    /// <summary>Why the group declined, when it did.</summary>
    public string Reason { get; private set; } = "";

    public uint Version { get; private set; }

    /// <summary>A request to join; a volunteer's says what they can do and when.</summary>
    public static MembershipRequest Ask(Guid organisationId, Guid userId, string note, DateTimeOffset now, string skills = "", string availability = "") => new()
    {
        Id = Guid.CreateVersion7(),
        OrganisationId = organisationId,
        UserId = userId,
        Note = note.Trim(),
        Skills = skills.Trim(),
        Availability = availability.Trim(),
        Status = MembershipStatus.Pending,
        RequestedAt = now,
    };

    public void Admit(Guid by, DateTimeOffset now) => Decide(MembershipStatus.Admitted, "", by, now);

    public void Decline(string reason, Guid by, DateTimeOffset now) => Decide(MembershipStatus.Declined, reason.Trim(), by, now);

    private void Decide(MembershipStatus to, string reason, Guid by, DateTimeOffset now)
    {
        if (Status != MembershipStatus.Pending)
        {
            throw new DomainRuleException(new("Rule.Membership.AlreadyAnswered", "This request was already {0}.", new Term(Status, Lower: true)));
        }

        Status = to;
        Reason = reason;
        DecidedAt = now;
        DecidedByUserId = by;
    }
}
