using System.Globalization;

namespace CrisisCoord.IntegrationTests.Infrastructure;

/// <summary>
/// Crisis-scale data for the dashboard's tests: thousands of rows written by one INSERT … SELECT over
/// generate_series each, in milliseconds, where logging them through the API would take minutes.
/// </summary>
public static class CrisisScale
{
    /// <summary>Where the generated incidents lie: a province-sized box around the demo's Qing River.</summary>
    public const double South = 29.5;
    public const double North = 31.5;
    public const double West = 113.0;
    public const double East = 115.5;

    public const string Title = "Crisis-scale report";

    /// <summary>
    /// <paramref name="count"/> open incidents spread over the box, reported a minute apart (the first newest), titled
    /// "Crisis-scale report n": states Reported, Warning, Response and Recovery in turn, grades I to IV in turn every
    /// four, every tenth needing escalation; none led, none taking part.
    /// </summary>
    public static Task OpenIncidentsAsync(TestDatabase database, int count) => database.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"""
        INSERT INTO incidents (id, title, description, category, severity, state, place_name, latitude, longitude,
                               reported_at, state_changed_at, state_reason, escalation_required, severity_reason)
        SELECT gen_random_uuid(), '{Title} ' || n, 'Water over the road near point ' || n || '; farms cut off.', 'NaturalDisaster',
               (ARRAY['I','II','III','IV'])[1 + (n / 4) % 4], (ARRAY['Reported','Warning','Response','Recovery'])[1 + n % 4],
               'Village ' || n, {South} + ((n * 7919) % 2000) / 2000.0 * {North - South}, {West} + ((n * 104729) % 2500) / 2500.0 * {East - West},
               now() - n * interval '1 minute', now() - n * interval '1 minute', 'Generated for a crisis-scale test', n % 10 = 0, ''
        FROM generate_series(1, {count}) AS n
        """));

    /// <summary>
    /// Puts <paramref name="organisation"/> to work on the <paramref name="count"/> newest open incidents: it takes part
    /// in each and holds one task there, assigned five hours ago and not yet accepted (so each is an overdue obligation
    /// and an unfinished task of its own).
    /// </summary>
    public static Task WorkForAsync(TestDatabase database, Guid organisation, int count) => database.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"""
        WITH newest AS (
            SELECT id, state FROM incidents WHERE state IN ('Reported','Warning','Response','Recovery') ORDER BY reported_at DESC LIMIT {count})
        , taking_part AS (
            INSERT INTO incident_participants (id, incident_id, organisation_id, status, note, admitted_at)
            SELECT gen_random_uuid(), id, '{organisation}', 'Admitted', 'Generated', now() - interval '6 hours' FROM newest
            ON CONFLICT (incident_id, organisation_id) DO NOTHING)
        INSERT INTO tasks (id, incident_id, title, description, phase, priority, required_resource_types, state, assigned_organisation_id,
                           reason, created_at, state_changed_at)
        SELECT gen_random_uuid(), id, 'Check the road at ' || id, '', CASE state WHEN 'Response' THEN 2 WHEN 'Recovery' THEN 4 ELSE 1 END,
               'Normal', ARRAY[]::text[], 'Assigned', '{organisation}', '', now() - interval '5 hours', now() - interval '5 hours'
        FROM newest
        """));
}
