namespace CrisisCoord.Application.Security;

/// <summary>Who is sending the current command or query, as the host authenticated them.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? UserId { get; }

    Guid? OrganisationId { get; }

    bool IsInRole(string role);
}
