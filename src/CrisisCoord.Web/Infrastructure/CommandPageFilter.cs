using CrisisCoord.Application.Common;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Common;
using CrisisCoord.Web.Pages;
using CrisisCoord.Web.Pages.Account;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// Makes a page form behave like the API: a command refused by the pipeline's validation
/// re-renders the same page with each message next to its field and everything the user typed
/// kept. Pages bind their command or query as the property <see cref="InputProperty"/>.
/// </summary>
public sealed class CommandPageFilter(IServiceProvider services) : IAsyncPageFilter
{
    public const string InputProperty = "Input";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Only pages that bind a command or query as Input; others (the error page) run untouched.
        if (context.HandlerInstance is not PageModel page || page.GetType().GetProperty(InputProperty) is null)
        {
            await next();
            return;
        }

        // A form page for a command the person's role can never send is refused before it is shown.
        if (HttpMethods.IsGet(context.HttpContext.Request.Method)
            && page.GetType().IsDefined(typeof(FormPageAttribute), inherit: false)
            && page.GetType().GetProperty(InputProperty)!.PropertyType is var inputType
            && !typeof(IBaseQuery).IsAssignableFrom(inputType)
            && typeof(IMessage).IsAssignableFrom(inputType)
            && !(AccessPolicy.ActOf(inputType) is { } act && AccessRules.RoleMayEver(act, context.HttpContext.User.IsInRole)))
        {
            context.Result = page.Forbid();
            return;
        }

        if (!context.ModelState.IsValid)
        {
            // Some values could not even be read (e.g. letters in a number field). The command is not
            // sent; the validator's messages for the other fields are shown beside the binding errors
            // so the user sees everything that is wrong in one go. Authorization comes first, exactly as
            // in the pipeline: a validator must never answer someone who may not send the command.
            try
            {
                await AddValidatorMessagesAsync(page, context.ModelState, context.HttpContext.RequestAborted);
                context.Result = page.Page();
            }
            catch (AccessDeniedException denied)
            {
                page.TempData[AccessDeniedModel.Reason] = denied.Say();
                context.Result = page.Forbid();
            }
            catch (NotAuthenticatedException)
            {
                context.Result = page.Challenge();
            }

            return;
        }

        var executed = await next();
        switch (executed.Exception)
        {
            case ValidationException validation when !executed.ExceptionHandled:
                AddErrors(context.ModelState, validation.Errors);
                executed.ExceptionHandled = true;
                executed.Result = page.Page();
                break;
            case StaleWriteException stale when !executed.ExceptionHandled:
                // Keep the user's edits on screen so they can compare with the current record and re-apply.
                context.ModelState.AddModelError("", stale.Say());
                executed.ExceptionHandled = true;
                executed.Result = page.Page();
                break;
            case DomainRuleException rule when !executed.ExceptionHandled:
                // The record's current state forbids it (e.g. a transition out of order): say why above the form.
                context.ModelState.AddModelError("", rule.Say());
                executed.ExceptionHandled = true;
                executed.Result = page.Page();
                break;
            case AccessDeniedException denied when !executed.ExceptionHandled:
                // The sign-in middleware answers Forbid by showing the refusal page; it says why there.
                page.TempData[AccessDeniedModel.Reason] = denied.Say();
                executed.ExceptionHandled = true;
                executed.Result = page.Forbid();
                break;
            case NotAuthenticatedException when !executed.ExceptionHandled:
                executed.ExceptionHandled = true;
                executed.Result = page.Challenge();
                break;
            case NotFoundException when !executed.ExceptionHandled:
                executed.ExceptionHandled = true;
                executed.Result = page.NotFound();
                break;
        }
    }

    private async Task AddValidatorMessagesAsync(PageModel page, ModelStateDictionary modelState, CancellationToken ct)
    {
        // Aimed at the record in the address, as the handler would send it: the body names none.
        var input = page is IAimedForm aimed ? aimed.AimedInput() : page.GetType().GetProperty(InputProperty)?.GetValue(page);
        if (input is null)
        {
            return;
        }

        await services.GetRequiredService<AccessPolicy>().AuthorizeAsync(input, ct);
        var validatorType = typeof(IValidator<>).MakeGenericType(input.GetType());
        if (services.GetService(validatorType) is not IValidator validator)
        {
            return;
        }

        var context = (IValidationContext)Activator.CreateInstance(
            typeof(ValidationContext<>).MakeGenericType(input.GetType()), input)!;
        var result = await validator.ValidateAsync(context, ct);
        AddErrors(modelState, result.Errors);
    }

    private static void AddErrors(ModelStateDictionary modelState, IEnumerable<ValidationFailure> failures)
    {
        foreach (var failure in failures)
        {
            var key = $"{InputProperty}.{failure.PropertyName}";
            // A field whose value could not be read already says so; "is required" on top would mislead.
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            modelState.AddModelError(key, failure.ErrorMessage);
        }
    }
}

/// <summary>
/// The page exists to send its <c>Input</c> command: people whose role can never send it are refused the
/// page itself, not just the post. (Pages that show data and merely offer a form stay readable.)
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FormPageAttribute : Attribute;
