using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrisisCoord.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "area",
                table: "incidents",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "awaiting_grade",
                table: "incidents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "details_reason",
                table: "incidents",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_incident_id",
                table: "incidents",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "incident_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    related_incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    relation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    linked_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    linked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incident_links", x => x.id);
                    table.CheckConstraint("ck_incident_links_distinct", "incident_id <> related_incident_id");
                    table.ForeignKey(
                        name: "fk_incident_links_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_incident_links_incidents_related_incident_id",
                        column: x => x.related_incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_incident_links_users_linked_by_user_id",
                        column: x => x.linked_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "incident_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reporter_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reporter_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    callback_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    photo_location_kept = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incident_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_incident_reports_incidents_first_incident_id",
                        column: x => x.first_incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_incident_reports_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_incident_reports_organisations_reporter_organisation_id",
                        column: x => x.reporter_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_incident_reports_users_reporter_user_id",
                        column: x => x.reporter_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "report_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    content_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    file_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    metadata_removed = table.Column<bool>(type: "boolean", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    stored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_photos", x => x.id);
                    table.CheckConstraint("ck_report_photos_length", "length BETWEEN 1 AND 10485760 AND octet_length(content) = length");
                    table.ForeignKey(
                        name: "fk_report_photos_incident_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "incident_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_report_photos_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_merged_into_incident_id",
                table: "incidents",
                column: "merged_into_incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_incident_links_incident_id_related_incident_id",
                table: "incident_links",
                columns: new[] { "incident_id", "related_incident_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_incident_links_linked_by_user_id",
                table: "incident_links",
                column: "linked_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_incident_links_related_incident_id",
                table: "incident_links",
                column: "related_incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_incident_reports_first_incident_id",
                table: "incident_reports",
                column: "first_incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_incident_reports_incident_id_reporter_user_id",
                table: "incident_reports",
                columns: new[] { "incident_id", "reporter_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_incident_reports_reporter_organisation_id",
                table: "incident_reports",
                column: "reporter_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_incident_reports_reporter_user_id_reported_at",
                table: "incident_reports",
                columns: new[] { "reporter_user_id", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_report_photos_incident_id",
                table: "report_photos",
                column: "incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_photos_report_id_position",
                table: "report_photos",
                columns: new[] { "report_id", "position" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_incidents_incidents_merged_into_incident_id",
                table: "incidents",
                column: "merged_into_incident_id",
                principalTable: "incidents",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_incidents_incidents_merged_into_incident_id",
                table: "incidents");

            migrationBuilder.DropTable(
                name: "incident_links");

            migrationBuilder.DropTable(
                name: "report_photos");

            migrationBuilder.DropTable(
                name: "incident_reports");

            migrationBuilder.DropIndex(
                name: "ix_incidents_merged_into_incident_id",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "area",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "awaiting_grade",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "details_reason",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "merged_into_incident_id",
                table: "incidents");
        }
    }
}
