using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrisisCoord.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class IncidentLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "escalation_required",
                table: "incidents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "lead_organisation_id",
                table: "incidents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "severity_reason",
                table: "incidents",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "state_reason",
                table: "incidents",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_lead_organisation_id",
                table: "incidents",
                column: "lead_organisation_id");

            migrationBuilder.AddForeignKey(
                name: "fk_incidents_organisations_lead_organisation_id",
                table: "incidents",
                column: "lead_organisation_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_incidents_organisations_lead_organisation_id",
                table: "incidents");

            migrationBuilder.DropIndex(
                name: "ix_incidents_lead_organisation_id",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "escalation_required",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "lead_organisation_id",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "severity_reason",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "state_reason",
                table: "incidents");
        }
    }
}
