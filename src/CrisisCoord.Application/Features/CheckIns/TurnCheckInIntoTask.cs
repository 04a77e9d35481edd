using System.Globalization;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Tasks;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.CheckIns;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.CheckIns;

/// <summary>
/// A coordinator makes a task of a call for help in one click: the task says where and what, and names the check-in;
/// the check-in names the task, so its person sees someone is on it.
/// </summary>
[Performs(Act.TurnCheckInIntoTask)]
[RecordedAs(typeof(CheckIn))]
public sealed record TurnCheckInIntoTaskCommand : ICommand<CheckInDto>, ICheckInMessage
{
    public Guid CheckInId { get; init; }

    /// <summary>Low, Normal, High or Urgent (default: Urgent, someone is waiting).</summary>
    public TaskPriority? Priority { get; init; }

    /// <summary>A participating organisation to give the task to now.</summary>
    public Guid? AssignedOrganisationId { get; init; }
}

public sealed class TurnCheckInIntoTaskCommandHandler(AppDbContext db, ISender sender) : ICommandHandler<TurnCheckInIntoTaskCommand, CheckInDto>
{
    public async ValueTask<CheckInDto> Handle(TurnCheckInIntoTaskCommand command, CancellationToken cancellationToken)
    {
        var checkIn = await db.CheckIns.SingleAsync(c => c.Id == command.CheckInId, cancellationToken);
        // The one way tasks are made, with its own rule (CreateTask) and checks, inside this command's transaction.
        var task = await sender.Send(
            new CreateTaskCommand
            {
                IncidentId = checkIn.IncidentId,
                Title = TitleFor(checkIn),
                Description = DescriptionFor(checkIn),
                Priority = command.Priority ?? TaskPriority.Urgent,
                AssignedOrganisationId = command.AssignedOrganisationId,
            },
            cancellationToken);
        checkIn.HandOver(task.Id);
        await db.SaveChangesAsync(cancellationToken);
        return await CheckInDto.LoadAsync(db, checkIn.Id, cancellationToken);
    }

    /// <summary>Written in the language of the coordinator who makes the task: it is stored, as a title they could have typed.</summary>
    public static string TitleFor(CheckIn checkIn) =>
        Shorten(checkIn.PlaceName.Length > 0 ? Texts.Format("CheckIns.ToTask.Title", checkIn.PlaceName) : Texts.Get("CheckIns.ToTask.TitleNoPlace"), IncidentTask.TitleMaxLength);

    /// <summary>Where and what, for those the task is given to; the person's name stays with the coordinators.</summary>
    public static string DescriptionFor(CheckIn checkIn)
    {
        var at = string.Create(CultureInfo.InvariantCulture, $"{checkIn.Latitude:0.#####}, {checkIn.Longitude:0.#####}");
        var place = checkIn.PlaceName.Length > 0 ? $"{checkIn.PlaceName} ({at})" : at;
        var note = checkIn.Note.Length > 0 ? "\n" + Texts.Format("CheckIns.ToTask.TheyWrote", checkIn.Note) : "";
        var from = Texts.Format("CheckIns.ToTask.From", checkIn.Id, $"/Incidents/{checkIn.IncidentId}/CheckIns#check-in-{checkIn.Id}");
        return Shorten($"{Texts.Format("CheckIns.ToTask.Description", place)}{note}\n{from}", IncidentTask.DescriptionMaxLength);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

public sealed class TurnCheckInIntoTaskCommandValidator : AbstractValidator<TurnCheckInIntoTaskCommand>
{
    public TurnCheckInIntoTaskCommandValidator(AppDbContext db)
    {
        RuleFor(x => x.Priority).Known().WithMessage(x => EnumText.NotValidMessage<TaskPriority>(x.Priority.ToString()));
        RuleFor(x => x.AssignedOrganisationId)
            .MustAsync((id, ct) => db.Organisations.AnyAsync(o => o.Id == id, ct))
            .When(x => x.AssignedOrganisationId is not null)
            .WithMessage(_ => Texts.Get("Validation.Charters.ThereSuchOrganisation"));
    }
}
