using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrisisCoord.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class TextVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "text_versions",
                columns: table => new
                {
                    language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    original = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    version = table.Column<string>(type: "character varying(1600)", maxLength: 1600, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_text_versions", x => new { x.language, x.original });
                    table.CheckConstraint("ck_text_versions_not_empty", "length(version) > 0");
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "text_versions");
        }
    }
}
