using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Account;

/// <summary>The language the person reads in and the time zone they type times in, as saved; null where nothing is.</summary>
[Performs(Act.ManageOwnPreferences)]
public sealed record GetMyPreferencesQuery : IQuery<MyPreferences>;

public sealed class GetMyPreferencesQueryHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetMyPreferencesQuery, MyPreferences>
{
    public async ValueTask<MyPreferences> Handle(GetMyPreferencesQuery query, CancellationToken cancellationToken)
    {
        var me = user.UserId ?? throw new NotAuthenticatedException();
        return await db.Users.Where(u => u.Id == me)
            .Select(u => new MyPreferences(u.PreferredLanguage, u.TimeZone))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotAuthenticatedException();
    }
}
