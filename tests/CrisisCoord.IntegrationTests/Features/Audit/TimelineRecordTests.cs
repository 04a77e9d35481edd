using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Timeline;
using CrisisCoord.IntegrationTests.Features.Organisations;
using CrisisCoord.IntegrationTests.Features.Requests;
using CrisisCoord.IntegrationTests.Features.Resources;
using CrisisCoord.IntegrationTests.Features.Reviews;
using CrisisCoord.IntegrationTests.Features.Warnings;
using CrisisCoord.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Features.Audit;

/// <summary>Every command that changes state leaves exactly one event, in its transaction, naming who did what.</summary>
public sealed class TimelineRecordTests(CrisisCoordApp app) : AppTest(app)
{
    /// <summary>Each command the application has, sent once as the person allowed to send it. A new command fails the coverage test until it is added here.</summary>
    private static readonly Dictionary<string, Func<CrisisCoordApp, Task<Sent>>> Senders = new()
    {
        ["LogIncidentCommand"] = async app =>
        {
            var staff = await app.CreateAsync(Roles.AgencyStaff);
            var incident = await IncidentData.LogAsync(await app.ClientForAsync(staff), IncidentData.ValidBody());
            var id = incident["id"]!.GetValue<Guid>();
            return new Sent(staff, id, "Incident", id.ToString());
        },
        ["EditIncidentCommand"] = app => ChangeIncidentAsync(app, id => ($"/api/v1/incidents/{id}/details", HttpMethod.Put, new JsonObject
        {
            ["description"] = "Breach at km 14",
            ["placeName"] = "Dongshan levee km 14",
            ["latitude"] = 30.52,
            ["longitude"] = 114.29,
            ["reason"] = "The wrong kilometre",
        })),
        ["MergeIncidentCommand"] = async app =>
        {
            var (duplicate, kept, coordinator, client) = await TwoIncidentsAsync(app);
            var etag = (await client.GetAsync($"/api/v1/incidents/{duplicate}")).Headers.ETag!.Tag;
            await CountBeforeAsync(app);
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/incidents/{duplicate}/merge") { Content = JsonContent.Create(new { intoIncidentId = kept, reason = "Same landslide" }) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            await Ok(await client.SendAsync(request));
            return new Sent(coordinator, duplicate, "Incident", duplicate.ToString()) { AlsoOn = kept };
        },
        ["LinkIncidentsCommand"] = async app =>
        {
            var (cause, effect, coordinator, client) = await TwoIncidentsAsync(app);
            await CountBeforeAsync(app);
            var link = await Ok(await client.PostAsJsonAsync($"/api/v1/incidents/{cause}/links", new { relatedIncidentId = effect, relation = "Caused" }));
            return new Sent(coordinator, cause, "IncidentLink", link["id"]!.GetValue<string>()) { AlsoOn = effect };
        },
        ["UnlinkIncidentsCommand"] = async app =>
        {
            var (cause, effect, coordinator, client) = await TwoIncidentsAsync(app);
            var link = (await Ok(await client.PostAsJsonAsync($"/api/v1/incidents/{cause}/links", new { relatedIncidentId = effect, relation = "Caused" })))["id"]!.GetValue<string>();
            await CountBeforeAsync(app);
            (await client.DeleteAsync($"/api/v1/incidents/{effect}/links/{link}")).EnsureSuccessStatusCode();
            return new Sent(coordinator, effect, "IncidentLink", link) { AlsoOn = cause };
        },
        ["TransitionIncidentCommand"] = app => ChangeIncidentAsync(app, id => ($"/api/v1/incidents/{id}/transitions", HttpMethod.Post, new JsonObject { ["to"] = "Warning", ["reason"] = "Gauge rising" })),
        ["DraftWarningCommand"] = async app =>
        {
            var scene = await WarningScene.CreateAsync(app);
            var draft = await Ok(await (await app.ClientForAsync(scene.Staff)).PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/warnings", scene.Body(app.Clock.GetUtcNow())));
            return new Sent(scene.Staff, scene.Incident, "Warning", draft["id"]!.GetValue<string>());
        },
        ["ApproveAndPublishWarningCommand"] = app => ChangeWarningAsync(app, publish: false, id => ($"/api/v1/warnings/{id}/publication", HttpMethod.Post, null)),
        ["EditWarningCommand"] = app => ChangeWarningAsync(app, publish: true, id => ($"/api/v1/warnings/{id}", HttpMethod.Put, null)),
        ["CancelWarningCommand"] = app => ChangeWarningAsync(app, publish: true, id => ($"/api/v1/warnings/{id}/cancellation", HttpMethod.Post, new JsonObject { ["reason"] = "All clear" })),
        ["SetIncidentSeverityCommand"] = app => ChangeIncidentAsync(app, id => ($"/api/v1/incidents/{id}/severity", HttpMethod.Put, new JsonObject { ["severity"] = "I", ["reason"] = "Dam at risk" })),
        ["SetIncidentLeadCommand"] = async app =>
        {
            var lead = await OrganisationData.StoreAsync(app.Database, "Qinghe City EMB", OrganisationKind.Government, AdministrativeLevel.City, "Qinghe");
            return await ChangeIncidentAsync(app, id => ($"/api/v1/incidents/{id}/lead", HttpMethod.Put, new JsonObject { ["organisationId"] = lead.Id }));
        },
        ["AdmitParticipantCommand"] = async app =>
        {
            var staff = await app.ClientAsAsync(Roles.AgencyStaff);
            var id = (await IncidentData.LogAsync(staff, IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
            var ngo = await OrganisationData.StoreAsync(app.Database, "Qinghe Red Cross", OrganisationKind.CivicGroup, AdministrativeLevel.City, "Qinghe");
            var coordinator = await app.CreateAsync(Roles.Coordinator, OrganisationKind.Government, AdministrativeLevel.City);
            await CountBeforeAsync(app);
            var admitted = await Ok(await (await app.ClientForAsync(coordinator)).PostAsJsonAsync($"/api/v1/incidents/{id}/participants", new JsonObject { ["organisationId"] = ngo.Id }));
            return new Sent(coordinator, id, "IncidentParticipant", admitted["id"]!.GetValue<string>());
        },
        ["RequestToJoinCommand"] = async app =>
        {
            var staff = await app.ClientAsAsync(Roles.AgencyStaff);
            var id = (await IncidentData.LogAsync(staff, IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
            var manager = await app.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
            await CountBeforeAsync(app);
            var asked = await Ok(await (await app.ClientForAsync(manager)).PostAsJsonAsync($"/api/v1/incidents/{id}/participants/requests", new JsonObject { ["note"] = "Six rescue boats" }));
            return new Sent(manager, id, "IncidentParticipant", asked["id"]!.GetValue<string>());
        },
        ["SetObjectiveCommand"] = async app =>
        {
            var (id, coordinator, client) = await IncidentWithCoordinatorAsync(app);
            await CountBeforeAsync(app);
            var objective = await Ok(await client.PostAsJsonAsync($"/api/v1/incidents/{id}/objectives", new JsonObject { ["title"] = "Evacuate", ["target"] = 300, ["unit"] = "people" }));
            return new Sent(coordinator, id, "Objective", objective["id"]!.GetValue<string>());
        },
        ["RecordObjectiveProgressCommand"] = app => ChangeObjectiveAsync(app, "progress", new JsonObject { ["progress"] = 120 }),
        ["WaiveObjectiveCommand"] = app => ChangeObjectiveAsync(app, "waive", new JsonObject { ["reason"] = "Overtaken by events" }),
        ["CreateTaskCommand"] = async app =>
        {
            var scene = await Tasks.TaskScene.CreateAsync(app);
            await CountBeforeAsync(app);
            var (task, _) = await scene.TaskAsync();
            return new Sent(scene.Coordinator, scene.Incident, "IncidentTask", task.ToString());
        },
        ["AssignTaskCommand"] = app => TaskStepAsync(app, assign: false, ("assign", s => s.Coordinator, s => new { organisationId = s.Ngo.OrganisationId })),
        ["AcceptTaskCommand"] = app => TaskStepAsync(app, assign: true, ("accept", s => s.Ngo, _ => new { })),
        ["DeclineTaskCommand"] = app => TaskStepAsync(app, assign: true, ("decline", s => s.Ngo, _ => new { reason = "No boats left" })),
        ["StartTaskCommand"] = app => TaskStepAsync(app, assign: true, ("accept", s => s.Ngo, _ => new { }), ("start", s => s.Ngo, _ => new { })),
        ["CompleteTaskCommand"] = app => TaskStepAsync(app, assign: true, ("accept", s => s.Ngo, _ => new { }), ("start", s => s.Ngo, _ => new { }), ("complete", s => s.Ngo, _ => new { })),
        ["CancelTaskCommand"] = app => TaskStepAsync(app, assign: true, ("cancel", s => s.Coordinator, _ => new { reason = "Water receding" })),
        ["ClaimTaskCommand"] = app => TaskStepAsync(app, assign: false, ("claim", s => s.Ngo, _ => new { })),
        ["SubmitSituationReportCommand"] = async app =>
        {
            var scene = await Tasks.TaskScene.CreateAsync(app);
            await CountBeforeAsync(app);
            var report = await Ok(await scene.NgoClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/sitreps", new JsonObject { ["summary"] = "Two shelters open", ["peopleAffected"] = 800 }));
            return new Sent(scene.Ngo, scene.Incident, "SituationReport", report["id"]!.GetValue<string>());
        },
        ["PostLogEntryCommand"] = async app =>
        {
            var scene = await Tasks.TaskScene.CreateAsync(app);
            await CountBeforeAsync(app);
            var entry = await Ok(await scene.NgoClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/log", new JsonObject { ["text"] = "Boats launched at the east bank" }));
            return new Sent(scene.Ngo, scene.Incident, "LogEntry", entry["id"]!.GetValue<string>());
        },
        ["RegisterOrganisationCommand"] = async app =>
        {
            var admin = await app.CreateAsync(Roles.Administrator);
            var created = await Ok(await (await app.ClientForAsync(admin)).PostAsJsonAsync("/api/v1/organisations", OrganisationData.ValidBody()));
            return new Sent(admin, TimelineChains.Registry, "Organisation", created["id"]!.GetValue<string>());
        },
        ["UpdateOrganisationCommand"] = async app =>
        {
            var admin = await app.CreateAsync(Roles.Administrator);
            var client = await app.ClientForAsync(admin);
            var created = await client.PostAsJsonAsync("/api/v1/organisations", OrganisationData.ValidBody());
            var id = (await Ok(created))["id"]!.GetValue<string>();
            await CountBeforeAsync(app);
            var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/organisations/{id}") { Content = JsonContent.Create(OrganisationData.ValidBody("Nanhu Fire Brigade")) };
            put.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
            await Ok(await client.SendAsync(put));
            return new Sent(admin, TimelineChains.Registry, "Organisation", id);
        },
        ["CreateUserCommand"] = async app =>
        {
            var admin = await app.CreateAsync(Roles.Administrator);
            var person = await Ok(await (await app.ClientForAsync(admin)).PostAsJsonAsync("/api/v1/users", new JsonObject
            {
                ["displayName"] = "Ma Li",
                ["email"] = "ma.li@test.example",
                ["password"] = "a-long-secret-2026",
                ["organisationId"] = admin.OrganisationId,
                ["roles"] = new JsonArray("Coordinator"),
            }));
            return new Sent(admin, TimelineChains.Registry, "AppUser", person["id"]!.GetValue<string>());
        },
        ["DisableAccountCommand"] = async app =>
        {
            var admin = await app.CreateAsync(Roles.Administrator);
            var person = await app.CreateAsync(Roles.AgencyStaff);
            var client = await app.ClientForAsync(admin);
            await CountBeforeAsync(app);
            (await client.PostAsync($"/api/v1/users/{person.UserId}/disable", null)).EnsureSuccessStatusCode();
            return new Sent(admin, TimelineChains.Registry, "AppUser", person.UserId.ToString());
        },
        ["EnableAccountCommand"] = async app =>
        {
            var admin = await app.CreateAsync(Roles.Administrator);
            var person = await app.CreateAsync(Roles.AgencyStaff);
            var client = await app.ClientForAsync(admin);
            (await client.PostAsync($"/api/v1/users/{person.UserId}/disable", null)).EnsureSuccessStatusCode();
            await CountBeforeAsync(app);
            (await client.PostAsync($"/api/v1/users/{person.UserId}/enable", null)).EnsureSuccessStatusCode();
            return new Sent(admin, TimelineChains.Registry, "AppUser", person.UserId.ToString());
        },
        ["AskToJoinGroupCommand"] = async app =>
        {
            var group = await app.CreateAsync(Roles.Coordinator, OrganisationKind.Citizen);
            var citizen = await app.CreatePrivateCitizenAsync();
            await CountBeforeAsync(app);
            var asked = await Ok(await (await app.ClientForAsync(citizen)).PostAsJsonAsync($"/api/v1/organisations/{group.OrganisationId}/membership-requests", new { note = "Old town; first aid" }));
            return new Sent(citizen, TimelineChains.Registry, "MembershipRequest", asked["id"]!.GetValue<string>());
        },
        ["VolunteerForGroupCommand"] = async app =>
        {
            var group = await app.CreateAsync(Roles.Coordinator, OrganisationKind.CivicGroup);
            var citizen = await app.CreatePrivateCitizenAsync();
            await CountBeforeAsync(app);
            var offered = await Ok(await (await app.ClientForAsync(citizen)).PostAsJsonAsync($"/api/v1/organisations/{group.OrganisationId}/volunteers", new { skills = "First aid", availability = "Weekends" }));
            return new Sent(citizen, TimelineChains.Registry, "MembershipRequest", offered["id"]!.GetValue<string>());
        },
        ["PostCheckInCommand"] = async app =>
        {
            var (incident, citizen, client) = await CheckInSceneAsync(app);
            await CountBeforeAsync(app);
            var posted = await Ok(await client.PostAsJsonAsync($"/api/v1/incidents/{incident}/check-ins", CheckInBody("NeedsHelp")));
            return new Sent(citizen, incident, "CheckIn", posted["id"]!.GetValue<string>());
        },
        ["UpdateCheckInCommand"] = async app =>
        {
            var (incident, citizen, client) = await CheckInSceneAsync(app);
            var id = (await Ok(await client.PostAsJsonAsync($"/api/v1/incidents/{incident}/check-ins", CheckInBody("NeedsHelp"))))["id"]!.GetValue<string>();
            await CountBeforeAsync(app);
            await Ok(await client.PutAsJsonAsync($"/api/v1/check-ins/{id}", CheckInBody("Safe")));
            return new Sent(citizen, incident, "CheckIn", id);
        },
        ["TurnCheckInIntoTaskCommand"] = async app =>
        {
            var (incident, _, client) = await CheckInSceneAsync(app);
            var id = (await Ok(await client.PostAsJsonAsync($"/api/v1/incidents/{incident}/check-ins", CheckInBody("NeedsHelp"))))["id"]!.GetValue<string>();
            var coordinator = await app.CreateAsync(Roles.Coordinator);
            var coordinatorClient = await app.ClientForAsync(coordinator);
            await CountBeforeAsync(app);
            await Ok(await coordinatorClient.PostAsJsonAsync($"/api/v1/check-ins/{id}/task", new { }));
            return new Sent(coordinator, incident, "CheckIn", id);
        },
        ["RecordDamageAssessmentCommand"] = async app =>
        {
            var (incident, staff, client) = await AssessmentSceneAsync(app);
            await CountBeforeAsync(app);
            var recorded = await Ok(await client.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments", AssessmentBody));
            return new Sent(staff, incident, "DamageAssessment", recorded["id"]!.GetValue<string>());
        },
        ["TurnNeedIntoRequestCommand"] = async app =>
        {
            var (incident, _, client) = await AssessmentSceneAsync(app);
            var need = (await Ok(await client.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments", AssessmentBody)))["needs"]![0]!["id"]!.GetValue<string>();
            var coordinator = await app.CreateAsync(Roles.Coordinator);
            await CountBeforeAsync(app);
            await Ok(await (await app.ClientForAsync(coordinator)).PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments/needs/{need}/request", new { }));
            return new Sent(coordinator, incident, "AssessmentNeed", need);
        },
        ["TurnAssessmentIntoTaskCommand"] = async app =>
        {
            var (incident, _, client) = await AssessmentSceneAsync(app);
            var id = (await Ok(await client.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments", AssessmentBody)))["id"]!.GetValue<string>();
            var coordinator = await app.CreateAsync(Roles.Coordinator);
            await CountBeforeAsync(app);
            await Ok(await (await app.ClientForAsync(coordinator)).PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments/{id}/task", new { }));
            return new Sent(coordinator, incident, "DamageAssessment", id);
        },
        ["StartRecoveryProjectCommand"] = async app =>
        {
            var s = await RecoverySceneAsync(app);
            await CountBeforeAsync(app);
            var started = await Ok(await s.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/recovery-projects", ProjectBody(s.Ngo.OrganisationId)));
            return new Sent(s.Coordinator, s.Incident, "RecoveryProject", started["id"]!.GetValue<string>());
        },
        ["EditRecoveryProjectCommand"] = async app =>
        {
            var s = await RecoverySceneAsync(app);
            var started = await s.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/recovery-projects", ProjectBody(s.Ngo.OrganisationId));
            var id = (await Ok(started))["id"]!.GetValue<string>();
            await CountBeforeAsync(app);
            var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/recovery-projects/{id}") { Content = JsonContent.Create(new { title = "Rebuild the pumps", budgetAmount = 10, budgetCurrency = "CNY" }) };
            edit.Headers.TryAddWithoutValidation("If-Match", started.Headers.ETag!.Tag);
            await Ok(await s.NgoClient.SendAsync(edit));
            return new Sent(s.Ngo, s.Incident, "RecoveryProject", id);
        },
        ["AddMilestoneCommand"] = async app =>
        {
            var s = await RecoverySceneAsync(app);
            var id = (await Ok(await s.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/recovery-projects", ProjectBody(s.Ngo.OrganisationId))))["id"]!.GetValue<string>();
            await CountBeforeAsync(app);
            var added = await Ok(await s.NgoClient.PostAsJsonAsync($"/api/v1/recovery-projects/{id}/milestones", new { title = "Commission the pumps", dueOn = "2027-04-01" }));
            return new Sent(s.Ngo, s.Incident, "Milestone", added["milestones"]!.AsArray()[^1]!["id"]!.GetValue<string>());
        },
        ["MarkMilestoneCommand"] = async app =>
        {
            var s = await RecoverySceneAsync(app);
            var project = await Ok(await s.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/recovery-projects", ProjectBody(s.Ngo.OrganisationId)));
            var milestone = project["milestones"]![0]!["id"]!.GetValue<string>();
            await CountBeforeAsync(app);
            await Ok(await s.NgoClient.PutAsJsonAsync($"/api/v1/recovery-projects/{project["id"]}/milestones/{milestone}", new { done = true }));
            return new Sent(s.Ngo, s.Incident, "Milestone", milestone);
        },
        ["OpenShelterCommand"] = async app =>
        {
            var s = await RecoverySceneAsync(app);
            await CountBeforeAsync(app);
            var opened = await Ok(await s.NgoClient.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/shelters", ShelterBody));
            return new Sent(s.Ngo, s.Incident, "Shelter", opened["id"]!.GetValue<string>());
        },
        ["UpdateShelterOccupancyCommand"] = async app =>
        {
            var s = await RecoverySceneAsync(app);
            var opened = await s.NgoClient.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/shelters", ShelterBody);
            var id = (await Ok(opened))["id"]!.GetValue<string>();
            await CountBeforeAsync(app);
            var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/shelters/{id}/occupancy") { Content = JsonContent.Create(new { occupancy = 80 }) };
            update.Headers.TryAddWithoutValidation("If-Match", opened.Headers.ETag!.Tag);
            await Ok(await s.NgoClient.SendAsync(update));
            return new Sent(s.Ngo, s.Incident, "Shelter", id);
        },
        ["DistributeReliefCommand"] = async app =>
        {
            var s = await RequestScene.CreateAsync(app);
            await CountBeforeAsync(app);
            var handed = await Ok(await s.Ngo.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/distributions",
                new { resourceId = s.Water, quantity = 20, households = 10, placeName = "Levee Road", latitude = 30.5250, longitude = 114.2990 }));
            return new Sent(s.Scene.Ngo, s.Incident, "ReliefDistribution", handed["id"]!.GetValue<string>());
        },
        ["AdmitMemberCommand"] = async app =>
        {
            var (organiser, request) = await AskedToJoinAsync(app);
            await CountBeforeAsync(app);
            await Ok(await (await app.ClientForAsync(organiser)).PostAsJsonAsync($"/api/v1/organisations/{organiser.OrganisationId}/membership-requests/{request}/admit", new { }));
            return new Sent(organiser, TimelineChains.Registry, "MembershipRequest", request.ToString());
        },
        ["DeclineMemberCommand"] = async app =>
        {
            var (organiser, request) = await AskedToJoinAsync(app);
            await CountBeforeAsync(app);
            await Ok(await (await app.ClientForAsync(organiser)).PostAsJsonAsync($"/api/v1/organisations/{organiser.OrganisationId}/membership-requests/{request}/decline", new { reason = "Not from here" }));
            return new Sent(organiser, TimelineChains.Registry, "MembershipRequest", request.ToString());
        },
        ["RegisterCitizenCommand"] = async app =>
        {
            var residents = await OrganisationData.StoreAsync(app.Database, "Dongshan Residents", OrganisationKind.Citizen, AdministrativeLevel.Town, "Dongshan Town");
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RegisterCitizenCommand
            {
                DisplayName = "Zhou Fang",
                Email = "zhou.fang@test.example",
                Password = "a-long-secret-2026",
                OrganisationId = residents.Id,
                Note = "Dongshan, east bank; first-aid trained",
            });
            var person = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.Email == "zhou.fang@test.example");
            // Nobody was signed in: the new person is who acted, for no organisation (the group has yet to admit them).
            return new Sent(new Actor(person.Id, Guid.Empty, OrganisationKind.Citizen, "", "", Roles.Citizen), TimelineChains.Registry, "AppUser", person.Id.ToString());
        },
        ["ChangeCharterCommand"] = async app =>
        {
            var admin = await app.CreateAsync(Roles.Administrator);
            var change = await Ok(await (await app.ClientForAsync(admin)).PutAsJsonAsync("/api/v1/charters/entries", new JsonObject
            {
                ["kind"] = "Enterprise",
                ["item"] = "AssignTasks",
                ["phases"] = new JsonArray("Response"),
                ["legalBasis"] = "Decision 7",
            }));
            return new Sent(admin, TimelineChains.Registry, "CharterChange", change["id"]!.GetValue<string>());
        },
        ["DefineResourceTypeCommand"] = async app =>
        {
            var admin = await app.CreateAsync(Roles.Administrator);
            var type = await Ok(await (await app.ClientForAsync(admin)).PostAsJsonAsync("/api/v1/resource-types",
                new JsonObject { ["code"] = "drone", ["name"] = "Survey drone", ["unit"] = "drones" }));
            return new Sent(admin, TimelineChains.Registry, "ResourceType", type["id"]!.GetValue<string>());
        },
        ["RegisterResourceCommand"] = async app =>
        {
            var manager = await app.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
            var (body, _) = await ResourceData.RegisterAsync(await app.ClientForAsync(manager), ResourceData.Water());
            return new Sent(manager, TimelineChains.Registry, "Resource", body["id"]!.GetValue<string>());
        },
        ["UpdateResourceCommand"] = async app =>
        {
            var manager = await app.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
            var client = await app.ClientForAsync(manager);
            var (body, etag) = await ResourceData.RegisterAsync(client, ResourceData.Water());
            var id = body["id"]!.GetValue<string>();
            await CountBeforeAsync(app);
            var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/resources/{id}") { Content = JsonContent.Create(ResourceData.Water(150)) };
            put.Headers.TryAddWithoutValidation("If-Match", etag);
            await Ok(await client.SendAsync(put));
            return new Sent(manager, TimelineChains.Registry, "Resource", id);
        },
        ["RaiseResourceRequestCommand"] = async app =>
        {
            var s = await RequestScene.CreateAsync(app);
            await CountBeforeAsync(app);
            var request = await s.RaiseAsync();
            return new Sent(s.Scene.Coordinator, s.Incident, "ResourceRequest", request.ToString());
        },
        ["AskOrganisationCommand"] = async app =>
        {
            var s = await RequestScene.CreateAsync(app);
            var request = await s.RaiseAsync();
            await CountBeforeAsync(app);
            await Ok(await s.Coordinator.PostAsJsonAsync($"/api/v1/resource-requests/{request}/addressees", new { organisationId = s.Scene.Ngo.OrganisationId }));
            await using var db = app.Database.CreateContext();
            return new Sent(s.Scene.Coordinator, s.Incident, "RequestAddressee", (await db.RequestAddressees.SingleAsync()).Id.ToString());
        },
        ["RespondToResourceRequestCommand"] = async app =>
        {
            var s = await RequestScene.CreateAsync(app);
            var request = await s.RaiseAsync();
            await CountBeforeAsync(app);
            var offer = await s.OfferAsync(request, 100);
            return new Sent(s.Scene.Ngo, s.Incident, "ResourceOffer", offer.ToString());
        },
        ["OfferResourcesCommand"] = async app =>
        {
            var s = await RequestScene.CreateAsync(app);
            await CountBeforeAsync(app);
            var offer = await Ok(await s.Ngo.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/offers", new { resourceId = s.Water, quantity = 40 }));
            return new Sent(s.Scene.Ngo, s.Incident, "ResourceOffer", offer["id"]!.GetValue<string>());
        },
        ["CommitOfferCommand"] = async app =>
        {
            var s = await RequestScene.CreateAsync(app);
            var request = await s.RaiseAsync();
            var offer = await s.OfferAsync(request, 100);
            await CountBeforeAsync(app);
            var commitment = await s.CommitAsync(request, offer);
            return new Sent(s.Scene.Coordinator, s.Incident, "ResourceCommitment", commitment["id"]!.GetValue<string>());
        },
        ["ReportCommitmentCommand"] = async app =>
        {
            var s = await RequestScene.CreateAsync(app);
            var request = await s.RaiseAsync();
            var commitment = await s.CommitAsync(request, await s.OfferAsync(request, 100));
            await CountBeforeAsync(app);
            var id = commitment["id"]!.GetValue<Guid>();
            (await RequestScene.MoveAsync(s.Ngo, id, "EnRoute", $"\"{commitment["version"]}\"")).EnsureSuccessStatusCode();
            return new Sent(s.Scene.Ngo, s.Incident, "ResourceCommitment", id.ToString());
        },
        ["ReleaseCommitmentCommand"] = async app =>
        {
            var s = await RequestScene.CreateAsync(app);
            var request = await s.RaiseAsync();
            var commitment = await s.CommitAsync(request, await s.OfferAsync(request, 100));
            await CountBeforeAsync(app);
            var id = commitment["id"]!.GetValue<Guid>();
            (await RequestScene.MoveAsync(s.Coordinator, id, "Released", $"\"{commitment["version"]}\"")).EnsureSuccessStatusCode();
            return new Sent(s.Scene.Coordinator, s.Incident, "ResourceCommitment", id.ToString());
        },
        ["CloseResourceRequestCommand"] = async app =>
        {
            var s = await RequestScene.CreateAsync(app);
            var request = await s.RaiseAsync();
            var version = (await s.GetAsync(request))["version"]!.GetValue<uint>();
            await CountBeforeAsync(app);
            var close = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/resource-requests/{request}/close") { Content = JsonContent.Create(new { reason = "No longer needed" }) };
            close.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            await Ok(await s.Coordinator.SendAsync(close));
            return new Sent(s.Scene.Coordinator, s.Incident, "ResourceRequest", request.ToString());
        },
        ["ImportInventoryCommand"] = async app =>
        {
            var manager = await app.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
            var csv = ResourceData.InventoryCsv("drinking-water,200,Red Cross depot,30.6012,114.3105,,,", "blanket,50,School gym,30.6044,114.3121,,,");
            var result = await Ok(await (await app.ClientForAsync(manager)).PostAsync("/api/v1/resources/import", ResourceData.CsvUpload(csv)));
            return new Sent(manager, TimelineChains.Registry, "InventoryImport", result["id"]!.GetValue<string>());
        },
        ["AddReviewLessonCommand"] = async app =>
        {
            var scene = await ReviewScene.CreateAsync(app);
            await CountBeforeAsync(app);
            var note = await Ok(await scene.LessonAsync(scene.LeadClient, "Pre-position sandbags in June"));
            return new Sent(scene.Lead, scene.Incident, "ReviewNote", note["id"]!.GetValue<string>());
        },
        ["CommentOnReviewCommand"] = async app =>
        {
            var scene = await ReviewScene.CreateAsync(app);
            var auditor = await app.CreateAsync(Roles.Auditor);
            var client = await app.ClientForAsync(auditor);
            await CountBeforeAsync(app);
            var note = await Ok(await scene.CommentAsync(client, "Matches the chain"));
            return new Sent(auditor, scene.Incident, "ReviewNote", note["id"]!.GetValue<string>());
        },
        ["SignReviewCommand"] = async app =>
        {
            var scene = await ReviewScene.CreateAsync(app);
            await CountBeforeAsync(app);
            await Ok(await scene.SignAsync(scene.LeadClient));
            return new Sent(scene.Lead, scene.Incident, "ReviewSignature", scene.Incident.ToString());
        },
        ["ConfirmInventoryCommand"] = async app =>
        {
            var manager = await app.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
            var client = await app.ClientForAsync(manager);
            var (body, _) = await ResourceData.RegisterAsync(client, ResourceData.Water());
            var id = body["id"]!.GetValue<string>();
            await CountBeforeAsync(app);
            await Ok(await client.PostAsync($"/api/v1/resources/{id}/confirm", null));
            return new Sent(manager, TimelineChains.Registry, "Resource", id);
        },
    };

    /// <summary>Set by senders whose set-up itself sends a command, so only the last one is counted.</summary>
    private static HashSet<Guid>? _before;

    public static TheoryData<string> Commands => [.. Senders.Keys];

    [Fact]
    public void Every_command_the_application_has_is_covered()
    {
        var commands = typeof(AppDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)))
            .Select(t => t.Name);

        commands.Order().ShouldBe(Senders.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_writes_exactly_one_event_naming_who_did_what(string command)
    {
        _before = null;
        var before = (await TimelineData.EventsAsync(App.Database)).Select(e => e.Id).ToHashSet();

        var sent = await Senders[command](App);

        var events = await TimelineData.EventsAsync(App.Database);
        var added = events.Where(e => !(_before ?? before).Contains(e.Id)).ToList();
        added.Count.ShouldBe(sent.AlsoOn is null ? 1 : 2, $"{command} wrote {added.Count} events");
        var e = added.Single(x => x.ChainId == sent.Chain);
        if (sent.AlsoOn is { } other)
        {
            // A join is recorded on the other incident's chain too, the same event in all but its place.
            var twin = added.Single(x => x.ChainId == other);
            (twin.Action, twin.EntityType, twin.EntityId, twin.Payload, twin.ActorUserId).ShouldBe((e.Action, e.EntityType, e.EntityId, e.Payload, e.ActorUserId));
            twin.Hash.ShouldBe(TimelineHash.Compute(twin));
        }

        e.Action.ShouldBe(command.Replace("Command", ""));
        e.ChainId.ShouldBe(sent.Chain);
        e.EntityType.ShouldBe(sent.EntityType);
        e.EntityId.ShouldBe(sent.EntityId);
        e.ActorUserId.ShouldBe(sent.By.UserId);
        e.ActorOrganisationId.ShouldBe(sent.By.OrganisationId == Guid.Empty ? null : sent.By.OrganisationId);
        e.Payload.ShouldContain(sent.EntityId);
        e.Payload.ShouldNotContain("password", Case.Insensitive);
        e.Payload.ShouldNotContain("securityStamp", Case.Insensitive);
        e.Payload.ShouldNotContain("a-long-secret-2026");
        e.Hash.ShouldBe(TimelineHash.Compute(e));
        e.Sequence.ShouldBe(events.Count(x => x.ChainId == e.ChainId), "the event is the chain's newest, numbered without gaps");
    }

    [Fact]
    public async Task A_refused_command_writes_no_event()
    {
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);
        var citizen = await App.ClientAsAsync(Roles.Citizen, OrganisationKind.Citizen);
        var auditor = await App.ClientAsAsync(Roles.Auditor);
        var before = (await TimelineData.EventsAsync(App.Database)).Count;

        (await staff.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody().With("latitude", 95))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await citizen.PostAsJsonAsync("/api/v1/resources", ResourceData.Water())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await auditor.PostAsJsonAsync("/api/v1/incidents", IncidentData.ValidBody())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await TimelineData.EventsAsync(App.Database)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task Fifty_parallel_commands_on_one_chain_leave_a_gapless_chain_that_verifies()
    {
        var manager = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var before = (await TimelineData.EventsAsync(App.Database, TimelineChains.Registry)).Count;

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => manager.PostAsJsonAsync("/api/v1/resources", ResourceData.Water(i + 1))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var chain = await TimelineData.EventsAsync(App.Database, TimelineChains.Registry);
        chain.Count.ShouldBe(before + 50);
        chain.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, chain.Count).Select(i => (long)i));
        var result = await TimelineData.VerifyAsync(await App.ClientAsAsync(Roles.Auditor), "registry");
        result["ok"]!.GetValue<bool>().ShouldBeTrue(result.ToJsonString());
        result["eventsChecked"]!.GetValue<long>().ShouldBe(chain.Count);
    }

    [Fact]
    public async Task A_writer_holding_one_chain_does_not_block_another_chain()
    {
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);
        var manager = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var incident = (await IncidentData.LogAsync(staff, IncidentData.ValidBody()))["id"]!.GetValue<Guid>();

        // Hold the registry chain's lock the way a long registry command would, in an open transaction.
        await using var db = App.Database.CreateContext();
        await using var held = await db.Database.BeginTransactionAsync();
        var recorder = new CrisisCoord.Application.Timeline.TimelineRecorder(db, TimeProvider.System);
        recorder.Begin();
        await recorder.RecordAsync("HoldRegistry", typeof(Organisation), null, null, DateTimeOffset.UtcNow, CancellationToken.None);

        // Another incident's chain is not held up...
        var other = IncidentData.LogAsync(staff, IncidentData.ValidBody("A second incident"));
        (await Task.WhenAny(other, Task.Delay(TimeSpan.FromSeconds(10)))).ShouldBe(other, "an incident chain waited for the registry's lock");
        // ...but the registry chain is, until the holder finishes.
        var registry = manager.PostAsJsonAsync("/api/v1/resources", ResourceData.Water());
        (await Task.WhenAny(registry, Task.Delay(TimeSpan.FromSeconds(1)))).ShouldNotBe(registry, "two writers held the registry chain at once");
        await held.RollbackAsync();
        (await registry).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await TimelineData.EventsAsync(App.Database, incident)).Count.ShouldBe(1);
        (await TimelineData.VerifyAsync(await App.ClientAsAsync(Roles.Auditor), "registry"))["ok"]!.GetValue<bool>().ShouldBeTrue();
    }

    /// <summary>Walks a task through the given steps; the last one is the command under test.</summary>
    /// <summary>An incident in response and a private citizen near it, signed in.</summary>
    private static async Task<(Guid Incident, Actor Citizen, HttpClient Client)> CheckInSceneAsync(CrisisCoordApp app)
    {
        var incident = (await IncidentData.LogAsync(await app.ClientAsAsync(Roles.AgencyStaff), IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
        await using (var db = app.Database.CreateContext())
        {
            (await db.Incidents.SingleAsync(i => i.Id == incident)).TransitionTo(IncidentState.Response, "Confirmed", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var citizen = await app.CreatePrivateCitizenAsync();
        return (incident, citizen, await app.ClientForAsync(citizen));
    }

    /// <summary>An incident in response, logged by agency staff whose organisation therefore takes part and assesses.</summary>
    private static async Task<(Guid Incident, Actor Staff, HttpClient Client)> AssessmentSceneAsync(CrisisCoordApp app)
    {
        var staff = await app.CreateAsync(Roles.AgencyStaff);
        var client = await app.ClientForAsync(staff);
        var incident = (await IncidentData.LogAsync(client, IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
        await using (var db = app.Database.CreateContext())
        {
            (await db.Incidents.SingleAsync(i => i.Id == incident)).TransitionTo(IncidentState.Response, "Confirmed", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        return (incident, staff, client);
    }

    private static readonly object AssessmentBody = new
    {
        placeName = "Riverside",
        latitude = 30.5128,
        longitude = 114.2864,
        buildingsDestroyed = 1,
        buildingsSevere = 0,
        buildingsModerate = 0,
        buildingsMinor = 2,
        peopleDisplaced = 10,
        peopleInjured = 0,
        peopleMissing = 0,
        power = "Out",
        water = "Working",
        roads = "Working",
        telecoms = "Degraded",
        needs = new[] { new { type = "drinking-water", quantity = 50 } },
    };

    /// <summary>The task scene (a coordinator, an NGO taking part) with its incident moved on into recovery.</summary>
    private static async Task<Tasks.TaskScene> RecoverySceneAsync(CrisisCoordApp app)
    {
        var s = await Tasks.TaskScene.CreateAsync(app);
        await using var db = app.Database.CreateContext();
        (await db.Incidents.SingleAsync(i => i.Id == s.Incident)).TransitionTo(IncidentState.Recovery, "Water receding", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return s;
    }

    private static object ProjectBody(Guid owner) => new
    {
        title = "Rebuild the pumping station",
        ownerOrganisationId = owner,
        budgetAmount = 1000,
        budgetCurrency = "CNY",
        milestones = new[] { new { title = "Survey", dueOn = "2026-12-20" } },
    };

    private static readonly object ShelterBody = new { name = "School gym", placeName = "Levee Road 3", latitude = 30.5250, longitude = 114.2990, capacity = 100, occupancy = 40 };

    private static object CheckInBody(string status) => new { status, latitude = 30.5250, longitude = 114.2990, placeName = "Levee Road", note = "Two of us" };

    private static async Task<Sent> TaskStepAsync(CrisisCoordApp app, bool assign, params (string Action, Func<Tasks.TaskScene, Actor> By, Func<Tasks.TaskScene, object> Body)[] steps)
    {
        var scene = await Tasks.TaskScene.CreateAsync(app);
        var (task, etag) = await scene.TaskAsync(assign);
        foreach (var (action, by, body) in steps)
        {
            if (action == steps[^1].Action)
            {
                await CountBeforeAsync(app);
            }

            var actor = by(scene);
            etag = await Tasks.TaskScene.StepAsync(actor == scene.Ngo ? scene.NgoClient : scene.CoordinatorClient, task, action, etag, body(scene));
        }

        return new Sent(steps[^1].By(scene), scene.Incident, "IncidentTask", task.ToString());
    }

    private static async Task<(Guid Incident, Actor Coordinator, HttpClient Client)> IncidentWithCoordinatorAsync(CrisisCoordApp app)
    {
        var id = (await IncidentData.LogAsync(await app.ClientAsAsync(Roles.AgencyStaff), IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
        var coordinator = await app.CreateAsync(Roles.Coordinator, OrganisationKind.Government, AdministrativeLevel.City);
        return (id, coordinator, await app.ClientForAsync(coordinator));
    }

    private static async Task<Sent> ChangeObjectiveAsync(CrisisCoordApp app, string action, JsonObject body)
    {
        var (id, coordinator, client) = await IncidentWithCoordinatorAsync(app);
        var created = await client.PostAsJsonAsync($"/api/v1/incidents/{id}/objectives", new JsonObject { ["title"] = "Evacuate", ["target"] = 300, ["unit"] = "people" });
        var objective = (await Ok(created))["id"]!.GetValue<string>();
        await CountBeforeAsync(app);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/objectives/{objective}/{action}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        await Ok(await client.SendAsync(request));
        return new Sent(coordinator, id, "Objective", objective);
    }

    /// <summary>Logs an incident, then sends one conditional change to it as a city coordinator.</summary>
    private static async Task<Sent> ChangeIncidentAsync(CrisisCoordApp app, Func<Guid, (string Path, HttpMethod Method, JsonObject Body)> change)
    {
        var staff = await app.ClientAsAsync(Roles.AgencyStaff);
        var id = (await IncidentData.LogAsync(staff, IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
        var etag = (await staff.GetAsync($"/api/v1/incidents/{id}")).Headers.ETag!.Tag;
        var coordinator = await app.CreateAsync(Roles.Coordinator, OrganisationKind.Government, AdministrativeLevel.City);
        await CountBeforeAsync(app);
        var (path, method, body) = change(id);
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        await Ok(await (await app.ClientForAsync(coordinator)).SendAsync(request));
        return new Sent(coordinator, id, "Incident", id.ToString());
    }

    /// <summary>A coordinator's change to a warning (a draft, or one already published); a null body sends the warning's own content.</summary>
    private static async Task<Sent> ChangeWarningAsync(CrisisCoordApp app, bool publish, Func<string, (string Path, HttpMethod Method, JsonObject? Body)> change)
    {
        var scene = await WarningScene.CreateAsync(app);
        var body = scene.Body(app.Clock.GetUtcNow());
        var coordinator = await app.ClientForAsync(scene.Coordinator);
        var warning = publish
            ? await scene.PublishAsync(app, body)
            : await Ok(await (await app.ClientForAsync(scene.Staff)).PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/warnings", body));
        var id = warning["id"]!.GetValue<string>();
        await CountBeforeAsync(app);
        var (path, method, content) = change(id);
        var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Put ? JsonContent.Create(body) : content is null ? null : JsonContent.Create(content) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{warning["version"]}\"");
        await Ok(await coordinator.SendAsync(request));
        return new Sent(scene.Coordinator, scene.Incident, "Warning", id);
    }

    private static async Task CountBeforeAsync(CrisisCoordApp app) => _before = (await TimelineData.EventsAsync(app.Database)).Select(e => e.Id).ToHashSet();

    private static async Task<JsonObject> Ok(HttpResponseMessage response)
    {
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>A citizens' group's coordinator, and a private citizen's pending request to join the group.</summary>
    private static async Task<(Actor Organiser, Guid Request)> AskedToJoinAsync(CrisisCoordApp app)
    {
        var organiser = await app.CreateAsync(Roles.Coordinator, OrganisationKind.Citizen);
        var citizen = await app.CreatePrivateCitizenAsync();
        var asked = await Ok(await (await app.ClientForAsync(citizen)).PostAsJsonAsync($"/api/v1/organisations/{organiser.OrganisationId}/membership-requests", new { note = "Old town" }));
        return (organiser, asked["id"]!.GetValue<Guid>());
    }

    /// <summary>What a command was sent as; <c>AlsoOn</c> names the second incident a join (merge, link) is recorded on.</summary>
    private sealed record Sent(Actor By, Guid Chain, string EntityType, string EntityId)
    {
        public Guid? AlsoOn { get; init; }
    }

    /// <summary>Two incidents the staff logged, and a city coordinator who coordinates both.</summary>
    private static async Task<(Guid First, Guid Second, Actor Coordinator, HttpClient Client)> TwoIncidentsAsync(CrisisCoordApp app)
    {
        var staff = await app.ClientAsAsync(Roles.AgencyStaff);
        var first = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("Landslide on the Liuzhuang road")))["id"]!.GetValue<Guid>();
        var second = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("Road to Liuzhuang blocked")))["id"]!.GetValue<Guid>();
        var coordinator = await app.CreateAsync(Roles.Coordinator, OrganisationKind.Government, AdministrativeLevel.City);
        return (first, second, coordinator, await app.ClientForAsync(coordinator));
    }
}
