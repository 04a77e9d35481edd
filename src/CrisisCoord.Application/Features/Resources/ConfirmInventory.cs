using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Resources;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Resources;

/// <summary>The holder confirms a resource is still there as registered (the ConfirmInventory obligation).</summary>
[RecordedAs(typeof(Resource))]
[Performs(Act.EditResource)]
public sealed record ConfirmInventoryCommand(Guid Id) : ICommand<ResourceDto>, IResourceMessage
{
    Guid IResourceMessage.ResourceId => Id;
}

public sealed class ConfirmInventoryCommandHandler(AppDbContext db, TimeProvider clock)
    : ICommandHandler<ConfirmInventoryCommand, ResourceDto>
{
    public async ValueTask<ResourceDto> Handle(ConfirmInventoryCommand command, CancellationToken cancellationToken)
    {
        var resource = await db.LoadForHolderAsync(command.Id, cancellationToken);
        resource.Confirm(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return (await db.Rows().AsNoTracking().SingleAsync(x => x.Resource.Id == resource.Id, cancellationToken)).ToDto();
    }
}
