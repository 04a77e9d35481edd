using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrisisCoord.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class Objectives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "objectives",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phase = table.Column<int>(type: "integer", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    target = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    progress = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    waiver_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_objectives", x => x.id);
                    table.CheckConstraint("ck_objectives_progress", "progress >= 0");
                    table.ForeignKey(
                        name: "fk_objectives_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_objectives_incident_id_phase",
                table: "objectives",
                columns: new[] { "incident_id", "phase" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "objectives");
        }
    }
}
