using CrisisCoord.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddCrisisCoord();

var app = builder.Build();
app.UseCrisisCoord();
await app.PrepareDatabaseAsync();
if (CreateFirstAdministrator.IsRequested(args))
{
    return await CreateFirstAdministrator.RunAsync(app, args);
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the test hosts can start the real application.</summary>
public partial class Program;
