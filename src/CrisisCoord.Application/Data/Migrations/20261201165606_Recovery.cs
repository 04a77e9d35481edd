using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrisisCoord.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class Recovery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "damage_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    place_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false),
                    buildings_destroyed = table.Column<int>(type: "integer", nullable: false),
                    buildings_severe = table.Column<int>(type: "integer", nullable: false),
                    buildings_moderate = table.Column<int>(type: "integer", nullable: false),
                    buildings_minor = table.Column<int>(type: "integer", nullable: false),
                    people_displaced = table.Column<int>(type: "integer", nullable: false),
                    people_injured = table.Column<int>(type: "integer", nullable: false),
                    people_missing = table.Column<int>(type: "integer", nullable: false),
                    power = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    water = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    roads = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    telecoms = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    assessed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_damage_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_damage_assessments_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_damage_assessments_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_damage_assessments_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recovery_projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    budget_amount = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    budget_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    objective_id = table.Column<Guid>(type: "uuid", nullable: true),
                    started_by = table.Column<Guid>(type: "uuid", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recovery_projects", x => x.id);
                    table.CheckConstraint("ck_recovery_projects_budget_not_negative", "budget_amount >= 0");
                    table.ForeignKey(
                        name: "fk_recovery_projects_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_recovery_projects_objectives_objective_id",
                        column: x => x.objective_id,
                        principalTable: "objectives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_recovery_projects_organisations_owner_organisation_id",
                        column: x => x.owner_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "shelters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    place_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    occupancy = table.Column<int>(type: "integer", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shelters", x => x.id);
                    table.CheckConstraint("ck_shelters_occupancy_within_capacity", "occupancy >= 0 AND occupancy <= capacity");
                    table.ForeignKey(
                        name: "fk_shelters_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_shelters_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assessment_needs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    resource_type_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_needs", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_needs_damage_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "damage_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_assessment_needs_resource_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "resource_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assessment_needs_resource_types_resource_type_id",
                        column: x => x.resource_type_id,
                        principalTable: "resource_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recovery_milestones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    done = table.Column<bool>(type: "boolean", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recovery_milestones", x => x.id);
                    table.ForeignKey(
                        name: "fk_recovery_milestones_recovery_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "recovery_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "relief_distributions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_type_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    shelter_id = table.Column<Guid>(type: "uuid", nullable: true),
                    place_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false),
                    households = table.Column<int>(type: "integer", nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    distributed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    distributed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_relief_distributions", x => x.id);
                    table.ForeignKey(
                        name: "fk_relief_distributions_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_relief_distributions_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_relief_distributions_resource_types_resource_type_id",
                        column: x => x.resource_type_id,
                        principalTable: "resource_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_relief_distributions_resources_resource_id",
                        column: x => x.resource_id,
                        principalTable: "resources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_relief_distributions_shelters_shelter_id",
                        column: x => x.shelter_id,
                        principalTable: "shelters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assessment_needs_assessment_id_resource_type_id",
                table: "assessment_needs",
                columns: new[] { "assessment_id", "resource_type_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessment_needs_request_id",
                table: "assessment_needs",
                column: "request_id",
                unique: true,
                filter: "request_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_needs_resource_type_id",
                table: "assessment_needs",
                column: "resource_type_id");

            migrationBuilder.CreateIndex(
                name: "ix_damage_assessments_incident_id_place_name",
                table: "damage_assessments",
                columns: new[] { "incident_id", "place_name" });

            migrationBuilder.CreateIndex(
                name: "ix_damage_assessments_organisation_id",
                table: "damage_assessments",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_damage_assessments_task_id",
                table: "damage_assessments",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_recovery_milestones_project_id_position",
                table: "recovery_milestones",
                columns: new[] { "project_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recovery_projects_incident_id_started_at",
                table: "recovery_projects",
                columns: new[] { "incident_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_recovery_projects_objective_id",
                table: "recovery_projects",
                column: "objective_id");

            migrationBuilder.CreateIndex(
                name: "ix_recovery_projects_owner_organisation_id",
                table: "recovery_projects",
                column: "owner_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_relief_distributions_incident_id_distributed_at",
                table: "relief_distributions",
                columns: new[] { "incident_id", "distributed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_relief_distributions_organisation_id",
                table: "relief_distributions",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_relief_distributions_resource_id",
                table: "relief_distributions",
                column: "resource_id");

            migrationBuilder.CreateIndex(
                name: "ix_relief_distributions_resource_type_id",
                table: "relief_distributions",
                column: "resource_type_id");

            migrationBuilder.CreateIndex(
                name: "ix_relief_distributions_shelter_id",
                table: "relief_distributions",
                column: "shelter_id");

            migrationBuilder.CreateIndex(
                name: "ix_shelters_incident_id",
                table: "shelters",
                column: "incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_shelters_organisation_id",
                table: "shelters",
                column: "organisation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_needs");

            migrationBuilder.DropTable(
                name: "recovery_milestones");

            migrationBuilder.DropTable(
                name: "relief_distributions");

            migrationBuilder.DropTable(
                name: "damage_assessments");

            migrationBuilder.DropTable(
                name: "recovery_projects");

            migrationBuilder.DropTable(
                name: "shelters");
        }
    }
}
