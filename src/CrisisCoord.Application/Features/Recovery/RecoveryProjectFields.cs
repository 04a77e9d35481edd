using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Recovery;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>One milestone on the project form: a title and the day it is due; a row with neither is left out (the form offers spare rows).</summary>
public sealed record MilestoneInput
{
    public string? Title { get; init; }

    /// <summary>yyyy-MM-dd.</summary>
    public DateOnly? DueOn { get; init; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && DueOn is null;
}

/// <summary>What starting and editing a project share: its title, budget and the objective it feeds.</summary>
public abstract record RecoveryProjectFields
{
    public string? Title { get; init; }

    /// <summary>0 or more, at most two decimals.</summary>
    public decimal? BudgetAmount { get; init; }

    /// <summary>ISO 4217 code, e.g. CNY, EUR.</summary>
    public string? BudgetCurrency { get; init; }

    /// <summary>A recovery-phase objective of the same incident, or none.</summary>
    public Guid? ObjectiveId { get; init; }

    public Budget ToBudget() => new(BudgetAmount!.Value, BudgetCurrency!.Trim().ToUpperInvariant());
}

public static class RecoveryProjectFieldRules
{
    public static void AddProjectFieldRules<T>(this AbstractValidator<T> validator)
        where T : RecoveryProjectFields
    {
        validator.RuleFor(x => x.Title)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Recovery.GiveProjectTitleWhat"))
            .MaximumLength(RecoveryProject.TitleMaxLength)
            .PlainText();
        validator.RuleFor(x => x.BudgetAmount)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.GiveBudget0None"))
            .GreaterThanOrEqualTo(0).WithMessage(_ => Texts.Get("Validation.Recovery.Budget0More"))
            .LessThanOrEqualTo(Budget.MaxAmount).WithMessage(_ => Texts.Format("Validation.Recovery.BudgetMost", Budget.MaxAmount))
            .Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).WithMessage(_ => Texts.Get("Validation.Recovery.BudgetMostTwoDecimals"));
        validator.RuleFor(x => x.BudgetCurrency)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Recovery.SayBudgetSCurrency"))
            .Must(c => Budget.IsCurrencyCode(c?.Trim().ToUpperInvariant())).When(x => !string.IsNullOrWhiteSpace(x.BudgetCurrency), ApplyConditionTo.CurrentValidator)
            .WithMessage(x => Texts.Format("Validation.Recovery.CurrencyCodeUseThree", x.BudgetCurrency));
    }

    /// <summary>The objective must be one of the incident's recovery-phase objectives.</summary>
    public static Task<bool> IsRecoveryObjectiveAsync(AppDbContext db, Guid incidentId, Guid objectiveId, CancellationToken ct) =>
        db.Objectives.AnyAsync(o => o.Id == objectiveId && o.IncidentId == incidentId && o.Phase == Phases.Recovery, ct);

    public static string NotARecoveryObjective => Texts.Get("Validation.Recovery.NotARecoveryObjective");

    public static IRuleBuilderOptions<T, string?> MilestoneTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage(_ => Texts.Get("Validation.Recovery.GiveMilestoneTitle"))
            .MaximumLength(Milestone.TitleMaxLength)
            .PlainText();

    public static IRuleBuilderOptions<T, DateOnly?> MilestoneDue<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.SayWhenMilestoneDue"))
            .InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithMessage(_ => Texts.Get("Validation.Recovery.MilestoneDueBetween2000"));
}
