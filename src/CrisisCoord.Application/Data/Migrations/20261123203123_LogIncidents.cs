using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrisisCoord.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class LogIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    place_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                    table.CheckConstraint("ck_incidents_latitude", "latitude BETWEEN -90 AND 90");
                    table.CheckConstraint("ck_incidents_longitude", "longitude BETWEEN -180 AND 180");
                });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_reported_at_id",
                table: "incidents",
                columns: new[] { "reported_at", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_incidents_state_reported_at_id",
                table: "incidents",
                columns: new[] { "state", "reported_at", "id" },
                descending: new[] { false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "incidents");
        }
    }
}
