using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrisisCoord.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class Warnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "warnings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    @event = table.Column<string>(name: "event", type: "character varying(100)", maxLength: 100, nullable: false),
                    headline = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    instruction = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    response_types = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    urgency = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    certainty = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    audience = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    onset = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    effective = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expires = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    restriction = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recipients = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    areas = table.Column<string>(type: "jsonb", nullable: false),
                    drafted_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    drafted_by_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    drafted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    published_by_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    state_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    message_count = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_warnings", x => x.id);
                    table.ForeignKey(
                        name: "fk_warnings_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_warnings_organisations_drafted_by_organisation_id",
                        column: x => x.drafted_by_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_warnings_organisations_published_by_organisation_id",
                        column: x => x.published_by_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "warning_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    warning_id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    identifier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sender = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sent = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_text = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    message_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_warning_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_warning_messages_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_warning_messages_warnings_warning_id",
                        column: x => x.warning_id,
                        principalTable: "warnings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_warning_messages_incident_id",
                table: "warning_messages",
                column: "incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_warning_messages_sender_identifier",
                table: "warning_messages",
                columns: new[] { "sender", "identifier" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_warning_messages_warning_id_sequence",
                table: "warning_messages",
                columns: new[] { "warning_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_warnings_drafted_by_organisation_id",
                table: "warnings",
                column: "drafted_by_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_warnings_incident_id_drafted_at",
                table: "warnings",
                columns: new[] { "incident_id", "drafted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_warnings_published_by_organisation_id",
                table: "warnings",
                column: "published_by_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_warnings_state_expires",
                table: "warnings",
                columns: new[] { "state", "expires" });

            // Issued CAP messages, like the timeline, are never changed or removed (ADR 0022).
            migrationBuilder.Sql(DatabaseRoles.ProtectTable("warning_messages"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "warning_messages");

            migrationBuilder.DropTable(
                name: "warnings");
        }
    }
}
