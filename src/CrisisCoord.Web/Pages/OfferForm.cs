using CrisisCoord.Application.Features.Resources;

namespace CrisisCoord.Web.Pages;

/// <summary>What the shared offer fields (_OfferFields) show: the reader's resources to offer from, and whether an answer is chosen.</summary>
public sealed record OfferForm(IReadOnlyList<ResourceDto> Resources, bool Answering);
