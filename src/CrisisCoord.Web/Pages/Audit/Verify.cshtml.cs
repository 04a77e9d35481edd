using System.Text.Json;
using CrisisCoord.Application.Features.Audit;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Audit;

/// <summary>
/// Verifies one chain: every hash, every link, the sequence, and the signed checkpoints, with the
/// auditor's own checkpoint if they paste one. A broken chain names its first broken event.
/// </summary>
public sealed class VerifyModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Chain { get; set; } = "";

    /// <summary>A checkpoint the auditor kept, as downloaded (JSON).</summary>
    [BindProperty]
    public string? CheckpointJson { get; set; }

    public ChainVerificationDto? Result { get; private set; }

    public IReadOnlyList<CheckpointDto> Checkpoints { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await VerifyAsync(null, ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        CheckpointDto? checkpoint = null;
        if (!string.IsNullOrWhiteSpace(CheckpointJson))
        {
            try
            {
                checkpoint = JsonSerializer.Deserialize<CheckpointDto>(CheckpointJson, ApiJson.Options);
            }
            catch (JsonException)
            {
                // Reported beside the box below, with what was pasted kept.
            }

            if (checkpoint is null)
            {
                ModelState.AddModelError(nameof(CheckpointJson), Texts.Get("Audit.Verify.NotACheckpoint"));
            }
        }

        await VerifyAsync(checkpoint, ct);
    }

    /// <summary>One checkpoint as a file to keep.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(long sequence, CancellationToken ct)
    {
        var checkpoint = (await sender.Send(new ListCheckpointsQuery { Chain = Chain }, ct)).FirstOrDefault(c => c.Sequence == sequence);
        return checkpoint is null
            ? NotFound()
            : File(JsonSerializer.SerializeToUtf8Bytes(checkpoint, ApiJson.Options), "application/json", checkpoint.FileName);
    }

    private async Task VerifyAsync(CheckpointDto? checkpoint, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            checkpoint = null;
        }

        try
        {
            Result = await sender.Send(new VerifyChainQuery(Chain) { Checkpoint = checkpoint }, ct);
        }
        catch (FluentValidation.ValidationException invalid) when (checkpoint is not null)
        {
            // A checkpoint that does not fit is reported beside the box; the chain is still verified on its own.
            foreach (var error in invalid.Errors)
            {
                ModelState.AddModelError(nameof(CheckpointJson), error.ErrorMessage);
            }

            Result = await sender.Send(new VerifyChainQuery(Chain), ct);
        }

        Checkpoints = await sender.Send(new ListCheckpointsQuery { Chain = Chain }, ct);
    }
}
