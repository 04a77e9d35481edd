namespace CrisisCoord.Application.Data;

/// <summary>
/// What the database itself enforces about the timeline, applied by the Timeline migration
/// (docs/operations.md explains the roles):
/// <list type="bullet">
/// <item>the timeline tables are append-only: a trigger refuses UPDATE, DELETE and TRUNCATE, whoever
/// asks, unless a superuser or the tables' owner switches triggers off — which verification then catches;</item>
/// <item>the application's role, <see cref="ApplicationRole"/>, reads and writes every other table but
/// may only INSERT and SELECT the timeline. The owner role runs migrations; the app logs in as a
/// member of the application role.</item>
/// </list>
/// </summary>
public static class DatabaseRoles
{
    public const string ApplicationRole = "crisiscoord_app";

    internal static readonly string[] AppendOnlyTables = ["timeline_events", "timeline_checkpoints"];

    internal const string CreateApplicationRole = $"""
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ApplicationRole}') THEN
                CREATE ROLE {ApplicationRole} NOLOGIN;
            END IF;
        EXCEPTION
            WHEN duplicate_object THEN NULL;
            WHEN insufficient_privilege THEN
                RAISE EXCEPTION 'The role {ApplicationRole} does not exist and this login may not create it. Ask a database administrator to run: CREATE ROLE {ApplicationRole} NOLOGIN;';
        END $$;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {ApplicationRole};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {ApplicationRole};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {ApplicationRole};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {ApplicationRole};
        REVOKE INSERT, UPDATE, DELETE ON "__EFMigrationsHistory" FROM {ApplicationRole};
        """;

    internal const string RefuseChangeFunction = """
        CREATE FUNCTION refuse_timeline_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'The % table is append-only: % is refused.', TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'Timeline events and checkpoints are never changed or removed; record a new event instead.';
        END $$;
        """;

    internal static string ProtectTable(string table) => $"""
        CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION refuse_timeline_change();
        CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_timeline_change();
        REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {ApplicationRole};
        GRANT SELECT, INSERT ON {table} TO {ApplicationRole};
        """;

    /// <summary>
    /// The auditors' role for the witness tool: reads the timeline and may only INSERT witnessed
    /// checkpoints. The app's role only reads them, so the portal cannot store a witness itself (and a
    /// row that got in anyway counts only if an auditor's key signed it).
    /// </summary>
    public const string WitnessRole = "crisiscoord_witness";

    /// <summary>
    /// Creates the witness role if this login may (else warns: a database administrator creates it and
    /// the grants are applied by hand, docs/operations.md), grants it its rights, and makes the witness
    /// table append-only and read-only to the app.
    /// </summary>
    internal const string ProtectWitnessTable = $$"""
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{{WitnessRole}}') THEN
                CREATE ROLE {{WitnessRole}} NOLOGIN;
            END IF;
        EXCEPTION
            WHEN duplicate_object THEN NULL;
            WHEN insufficient_privilege THEN
                RAISE WARNING 'The role {{WitnessRole}} does not exist and this login may not create it; auditors cannot store witnessed checkpoints until a database administrator creates it (docs/operations.md).';
        END $$;
        DO $$
        BEGIN
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{{WitnessRole}}') THEN
                GRANT SELECT ON timeline_events, timeline_checkpoints, timeline_witnesses TO {{WitnessRole}};
                GRANT INSERT ON timeline_witnesses TO {{WitnessRole}};
            END IF;
        END $$;
        CREATE TRIGGER timeline_witnesses_append_only BEFORE UPDATE OR DELETE ON timeline_witnesses
            FOR EACH ROW EXECUTE FUNCTION refuse_timeline_change();
        CREATE TRIGGER timeline_witnesses_no_truncate BEFORE TRUNCATE ON timeline_witnesses
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_timeline_change();
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON timeline_witnesses FROM {{ApplicationRole}};
        GRANT SELECT ON timeline_witnesses TO {{ApplicationRole}};
        """;
}
