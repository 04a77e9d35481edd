using CrisisCoord.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddCrisisCoord();

var app = builder.Build();
app.UseCrisisCoord();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public so the test hosts can start the real application.</summary>
public partial class Program;
