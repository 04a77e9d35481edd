using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrisisCoord.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class SituationReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "incident_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    posted_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incident_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_incident_log_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_incident_log_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "situation_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submitted_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    casualties = table.Column<int>(type: "integer", nullable: true),
                    people_affected = table.Column<int>(type: "integer", nullable: true),
                    needs = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    actions_taken = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    next_steps = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_situation_reports", x => x.id);
                    table.CheckConstraint("ck_situation_reports_counts", "(casualties IS NULL OR casualties >= 0) AND (people_affected IS NULL OR people_affected >= 0)");
                    table.ForeignKey(
                        name: "fk_situation_reports_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_situation_reports_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_incident_log_incident_id_posted_at",
                table: "incident_log",
                columns: new[] { "incident_id", "posted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_incident_log_organisation_id",
                table: "incident_log",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_situation_reports_incident_id_organisation_id_submitted_at",
                table: "situation_reports",
                columns: new[] { "incident_id", "organisation_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_situation_reports_organisation_id",
                table: "situation_reports",
                column: "organisation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "incident_log");

            migrationBuilder.DropTable(
                name: "situation_reports");
        }
    }
}
