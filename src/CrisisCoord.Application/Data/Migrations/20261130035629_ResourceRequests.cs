using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrisisCoord.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResourceRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "committed",
                table: "resources",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "resource_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_type_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    needed_by = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivery_place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    delivery_latitude = table.Column<double>(type: "double precision", nullable: false),
                    delivery_longitude = table.Column<double>(type: "double precision", nullable: false),
                    priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    raised_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    raised_by_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resource_requests", x => x.id);
                    table.CheckConstraint("ck_resource_requests_latitude", "delivery_latitude BETWEEN -90 AND 90");
                    table.CheckConstraint("ck_resource_requests_longitude", "delivery_longitude BETWEEN -180 AND 180");
                    table.CheckConstraint("ck_resource_requests_quantity", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_resource_requests_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_resource_requests_organisations_raised_by_organisation_id",
                        column: x => x.raised_by_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_resource_requests_resource_types_resource_type_id",
                        column: x => x.resource_type_id,
                        principalTable: "resource_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "resource_offers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answer = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    estimated_arrival = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    offered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    offered_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resource_offers", x => x.id);
                    table.CheckConstraint("ck_resource_offers_quantity", "quantity >= 0");
                    table.ForeignKey(
                        name: "fk_resource_offers_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_resource_offers_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_resource_offers_resource_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "resource_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_resource_offers_resources_resource_id",
                        column: x => x.resource_id,
                        principalTable: "resources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "resource_request_addressees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    asked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    asked_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resource_request_addressees", x => x.id);
                    table.ForeignKey(
                        name: "fk_resource_request_addressees_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_resource_request_addressees_resource_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "resource_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resource_commitments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    offer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    committed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    committed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    arrived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    state_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resource_commitments", x => x.id);
                    table.CheckConstraint("ck_resource_commitments_quantity", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_resource_commitments_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_resource_commitments_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_resource_commitments_resource_offers_offer_id",
                        column: x => x.offer_id,
                        principalTable: "resource_offers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_resource_commitments_resource_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "resource_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_resource_commitments_resources_resource_id",
                        column: x => x.resource_id,
                        principalTable: "resources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_resources_committed",
                table: "resources",
                sql: "committed >= 0 AND committed <= quantity");

            migrationBuilder.CreateIndex(
                name: "ix_resource_commitments_incident_id_state",
                table: "resource_commitments",
                columns: new[] { "incident_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_resource_commitments_offer_id",
                table: "resource_commitments",
                column: "offer_id");

            migrationBuilder.CreateIndex(
                name: "ix_resource_commitments_organisation_id",
                table: "resource_commitments",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_resource_commitments_request_id",
                table: "resource_commitments",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_resource_commitments_resource_id",
                table: "resource_commitments",
                column: "resource_id");

            migrationBuilder.CreateIndex(
                name: "ix_resource_offers_incident_id",
                table: "resource_offers",
                column: "incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_resource_offers_organisation_id",
                table: "resource_offers",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_resource_offers_request_id_organisation_id",
                table: "resource_offers",
                columns: new[] { "request_id", "organisation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_resource_offers_resource_id",
                table: "resource_offers",
                column: "resource_id");

            migrationBuilder.CreateIndex(
                name: "ix_resource_request_addressees_organisation_id",
                table: "resource_request_addressees",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_resource_request_addressees_request_id_organisation_id",
                table: "resource_request_addressees",
                columns: new[] { "request_id", "organisation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_resource_requests_incident_id_raised_at",
                table: "resource_requests",
                columns: new[] { "incident_id", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ix_resource_requests_raised_by_organisation_id",
                table: "resource_requests",
                column: "raised_by_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_resource_requests_resource_type_id",
                table: "resource_requests",
                column: "resource_type_id");

            migrationBuilder.CreateIndex(
                name: "ix_resource_requests_state_raised_at",
                table: "resource_requests",
                columns: new[] { "state", "raised_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "resource_commitments");

            migrationBuilder.DropTable(
                name: "resource_request_addressees");

            migrationBuilder.DropTable(
                name: "resource_offers");

            migrationBuilder.DropTable(
                name: "resource_requests");

            migrationBuilder.DropCheckConstraint(
                name: "ck_resources_committed",
                table: "resources");

            migrationBuilder.DropColumn(
                name: "committed",
                table: "resources");
        }
    }
}
