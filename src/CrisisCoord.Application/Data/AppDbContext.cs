using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.AccessTokens;
using CrisisCoord.Application.Security.Sessions;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.CheckIns;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Notifications;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Recovery;
using CrisisCoord.Domain.Reports;
using CrisisCoord.Domain.Requests;
using CrisisCoord.Domain.Resources;
using CrisisCoord.Domain.Reviews;
using CrisisCoord.Domain.Timeline;
using CrisisCoord.Domain.Warnings;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Data;

public sealed class AppDbContext : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
        // No savepoint around each save inside a transaction: a failed save abandons its whole unit of work (the
        // pipeline retries or refuses it), so a savepoint would only cost two more round trips per save.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<IncidentParticipant> IncidentParticipants => Set<IncidentParticipant>();

    public DbSet<IncidentReport> IncidentReports => Set<IncidentReport>();

    public DbSet<ReportPhoto> ReportPhotos => Set<ReportPhoto>();

    public DbSet<IncidentLink> IncidentLinks => Set<IncidentLink>();

    public DbSet<Objective> Objectives => Set<Objective>();

    public DbSet<IncidentTask> Tasks => Set<IncidentTask>();

    public DbSet<SituationReport> SituationReports => Set<SituationReport>();

    public DbSet<LogEntry> LogEntries => Set<LogEntry>();

    public DbSet<ReviewNote> ReviewNotes => Set<ReviewNote>();

    public DbSet<ReviewSignature> ReviewSignatures => Set<ReviewSignature>();

    public DbSet<ObligationBreach> ObligationBreaches => Set<ObligationBreach>();

    public DbSet<ResourceRequest> ResourceRequests => Set<ResourceRequest>();

    public DbSet<RequestAddressee> RequestAddressees => Set<RequestAddressee>();

    public DbSet<ResourceOffer> ResourceOffers => Set<ResourceOffer>();

    public DbSet<ResourceCommitment> ResourceCommitments => Set<ResourceCommitment>();

    public DbSet<Warning> Warnings => Set<Warning>();

    public DbSet<WarningMessage> WarningMessages => Set<WarningMessage>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<CharterEntry> CharterEntries => Set<CharterEntry>();

    public DbSet<CharterChange> CharterChanges => Set<CharterChange>();

    public DbSet<ResourceType> ResourceTypes => Set<ResourceType>();

    public DbSet<Resource> Resources => Set<Resource>();

    public DbSet<InventoryImport> InventoryImports => Set<InventoryImport>();

    public DbSet<MembershipRequest> MembershipRequests => Set<MembershipRequest>();

    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    public DbSet<DamageAssessment> DamageAssessments => Set<DamageAssessment>();

    public DbSet<AssessmentNeed> AssessmentNeeds => Set<AssessmentNeed>();

    public DbSet<RecoveryProject> RecoveryProjects => Set<RecoveryProject>();

    public DbSet<Milestone> RecoveryMilestones => Set<Milestone>();

    public DbSet<Shelter> Shelters => Set<Shelter>();

    public DbSet<ReliefDistribution> ReliefDistributions => Set<ReliefDistribution>();

    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();

    public DbSet<Checkpoint> Checkpoints => Set<Checkpoint>();

    public DbSet<Witness> Witnesses => Set<Witness>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    /// <summary>The data-protection key ring (cookies, antiforgery), shared by every instance of the portal.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    /// <summary>The durable outbox of notification e-mails (ADR 0024).</summary>
    public DbSet<NotificationMail> NotificationMails => Set<NotificationMail>();

    /// <summary>Agreed versions of shared text in each language (ADR 0038).</summary>
    public DbSet<Localization.TextVersion> TextVersions => Set<Localization.TextVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Identity names its tables AspNet*; ours are snake_case like every other table.
        modelBuilder.Entity<AppUser>().ToTable("users");
        modelBuilder.Entity<IdentityRole<Guid>>().ToTable("roles");
        modelBuilder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in psql and in exports, and safe to reorder.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        // A set of phases is a bit field; its name would be "Warning, Response".
        configurationBuilder.Properties<Phases>().HaveConversion<int>();
    }
}
