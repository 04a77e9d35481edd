using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrisisCoord.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class TimelineWitnesses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "timeline_witnesses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    chain_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    head_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    witnessed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    key_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    signature = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timeline_witnesses", x => x.id);
                    table.CheckConstraint("ck_timeline_witnesses_head", "sequence >= 1 AND octet_length(head_hash) = 32");
                });

            migrationBuilder.CreateIndex(
                name: "ix_timeline_witnesses_chain_id_sequence",
                table: "timeline_witnesses",
                columns: new[] { "chain_id", "sequence" });

            // Append-only, read-only to the app, insert-only for the auditors' witness role (DatabaseRoles).
            migrationBuilder.Sql(DatabaseRoles.ProtectWitnessTable);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "timeline_witnesses");
        }
    }
}
