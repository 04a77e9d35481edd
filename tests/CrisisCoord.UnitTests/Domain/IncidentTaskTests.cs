using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;

namespace CrisisCoord.UnitTests.Domain;

public sealed class IncidentTaskTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    private static readonly Guid RedCross = Guid.NewGuid();
    private static readonly Guid BlueSky = Guid.NewGuid();

    private static IncidentTask NewTask() =>
        IncidentTask.Create(Guid.NewGuid(), " Evacuate farms ", "", Phases.Response, null, TaskPriority.Urgent, null, ["rescue-boat", "rescue-boat"], null, Now);

    [Fact]
    public void A_task_goes_from_open_through_assigned_accepted_and_in_progress_to_done()
    {
        var task = NewTask();
        task.Title.ShouldBe("Evacuate farms");
        task.RequiredResourceTypes.ShouldBe(["rescue-boat"]);

        task.AssignTo(RedCross, Now);
        task.Accept(Now);
        task.Start(Now);
        task.Complete(Now.AddHours(1));

        (task.State, task.AssignedOrganisationId, task.StateChangedAt).ShouldBe((TaskState.Done, (Guid?)RedCross, Now.AddHours(1)));
        task.IsFinished.ShouldBeTrue();
    }

    [Fact]
    public void A_declined_task_keeps_the_reason_until_it_is_reassigned()
    {
        var task = NewTask();
        task.AssignTo(RedCross, Now);
        task.Decline(" No boats left ", Now);
        (task.State, task.Reason).ShouldBe((TaskState.Declined, "No boats left"));

        task.AssignTo(BlueSky, Now);
        (task.State, task.AssignedOrganisationId, task.Reason).ShouldBe((TaskState.Assigned, (Guid?)BlueSky, ""));
    }

    [Fact]
    public void Claiming_an_open_task_accepts_it_for_the_claimant()
    {
        var task = NewTask();
        task.Claim(BlueSky, Now);
        (task.State, task.AssignedOrganisationId).ShouldBe((TaskState.Accepted, (Guid?)BlueSky));
        Should.Throw<DomainRuleException>(() => task.Claim(RedCross, Now));
    }

    [Fact]
    public void Steps_out_of_order_are_refused_and_say_what_is_needed()
    {
        var task = NewTask();

        Should.Throw<DomainRuleException>(() => task.Accept(Now)).Message.ShouldBe("The task is Open; this needs it to be Assigned.");
        Should.Throw<DomainRuleException>(() => task.Complete(Now));
        task.AssignTo(RedCross, Now);
        Should.Throw<DomainRuleException>(() => task.AssignTo(RedCross, Now)).Message.ShouldContain("already assigned");
        Should.Throw<DomainRuleException>(() => task.Start(Now));
        task.Cancel("Water receding", Now);
        Should.Throw<DomainRuleException>(() => task.Cancel("again", Now)).Message.ShouldBe("The task is already Cancelled.");
        Should.Throw<DomainRuleException>(() => task.AssignTo(BlueSky, Now));
    }
}
