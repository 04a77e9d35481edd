using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrisisCoord.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every change to what a reader's charter is made of is announced on commit, whoever makes it (the
            // portal, psql, a test), so each instance's CharterCache can drop what it kept.
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_reference_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('crisiscoord_reference', TG_TABLE_NAME);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER charter_entries_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON charter_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_change();
                CREATE TRIGGER organisations_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER organisations_changed ON organisations;
                DROP TRIGGER charter_entries_changed ON charter_entries;
                DROP FUNCTION notify_reference_change();
                """);
        }
    }
}
