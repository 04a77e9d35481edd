using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrisisCoord.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class Timeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "timeline_checkpoints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    chain_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    head_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    key_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    signature = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timeline_checkpoints", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "timeline_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    chain_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    previous_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timeline_events", x => x.id);
                    table.CheckConstraint("ck_timeline_events_hashes", "octet_length(hash) = 32 AND octet_length(previous_hash) = 32");
                    table.CheckConstraint("ck_timeline_events_sequence", "sequence >= 1");
                });

            migrationBuilder.CreateIndex(
                name: "ix_timeline_checkpoints_chain_id_sequence",
                table: "timeline_checkpoints",
                columns: new[] { "chain_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_timeline_checkpoints_taken_at",
                table: "timeline_checkpoints",
                column: "taken_at");

            migrationBuilder.CreateIndex(
                name: "ix_timeline_events_actor_organisation_id_occurred_at_chain_id_",
                table: "timeline_events",
                columns: new[] { "actor_organisation_id", "occurred_at", "chain_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_timeline_events_actor_user_id_occurred_at_chain_id_sequence",
                table: "timeline_events",
                columns: new[] { "actor_user_id", "occurred_at", "chain_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_timeline_events_chain_id_sequence",
                table: "timeline_events",
                columns: new[] { "chain_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_timeline_events_occurred_at_chain_id_sequence",
                table: "timeline_events",
                columns: new[] { "occurred_at", "chain_id", "sequence" });

            migrationBuilder.Sql(DatabaseRoles.CreateApplicationRole);
            migrationBuilder.Sql(DatabaseRoles.RefuseChangeFunction);
            foreach (var table in DatabaseRoles.AppendOnlyTables)
            {
                migrationBuilder.Sql(DatabaseRoles.ProtectTable(table));
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "timeline_checkpoints");

            migrationBuilder.DropTable(
                name: "timeline_events");

            migrationBuilder.Sql("DROP FUNCTION refuse_timeline_change();");
        }
    }
}
