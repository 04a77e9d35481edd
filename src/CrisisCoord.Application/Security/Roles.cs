namespace CrisisCoord.Application.Security;

/// <summary>The roles a person can hold. What a role may do also depends on the organisation's charter.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Coordinator = nameof(Coordinator);
    public const string AgencyStaff = nameof(AgencyStaff);
    public const string ResourceManager = nameof(ResourceManager);
    public const string Auditor = nameof(Auditor);
    public const string Citizen = nameof(Citizen);

    public static readonly IReadOnlyList<string> All = [Administrator, Coordinator, AgencyStaff, ResourceManager, Auditor, Citizen];

    public static string Describe(string role) => role switch
    {
        Administrator => "Runs the platform: organisations, people and charters",
        Coordinator => "Coordinates incidents across organisations",
        AgencyStaff => "Logs incidents and reports for their organisation",
        ResourceManager => "Keeps their organisation's resources up to date",
        Auditor => "Reads everything, changes nothing",
        Citizen => "Reports incidents and volunteers",
        _ => role,
    };
}
