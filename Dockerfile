# The portal as a container image, for machines with Docker (see docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/CrisisCoord.Domain/CrisisCoord.Domain.csproj src/CrisisCoord.Domain/
COPY src/CrisisCoord.Application/CrisisCoord.Application.csproj src/CrisisCoord.Application/
COPY src/CrisisCoord.Web/CrisisCoord.Web.csproj src/CrisisCoord.Web/
RUN dotnet restore src/CrisisCoord.Web/CrisisCoord.Web.csproj
COPY src/ src/
RUN dotnet publish src/CrisisCoord.Web/CrisisCoord.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "CrisisCoord.Web.dll"]
