using CrisisCoord.Application.Features.Obligations;

namespace CrisisCoord.Web.Pages;

/// <summary>What the shared obligations table (_Obligations) shows: on the dashboard, an incident and an organisation.</summary>
public sealed record ObligationTable(IReadOnlyList<ObligationDto> Items, string Caption, string Empty, bool ShowIncident = true);
