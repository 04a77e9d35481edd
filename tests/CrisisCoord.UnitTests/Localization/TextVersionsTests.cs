using CrisisCoord.Application.Localization;

namespace CrisisCoord.UnitTests.Localization;

/// <summary>A query's answer read in the reader's language where the text has a version, without touching the original (ADR 0038).</summary>
public sealed class TextVersionsTests
{
    private static readonly Dictionary<string, string> Chinese = new()
    {
        ["Flood on the Qinghe"] = "清河洪水",
        ["Qinghe Red Cross Society"] = "清河市红十字会",
    };

    public sealed record Task(string Title, string? Organisation, int Priority);

    public sealed record Board(string Title, IReadOnlyList<Task> Tasks, Task[] Urgent, List<string> Names, Guid Id)
    {
        public string Heading { get; } = Title;
    }

    [Fact]
    public void Texts_with_a_version_read_in_it_at_any_depth_and_the_rest_as_typed()
    {
        var board = new Board(
            "Flood on the Qinghe",
            [new Task("Sandbag the levee", "Qinghe Red Cross Society", 2), new Task("Flood on the Qinghe", null, 1)],
            [new Task("Evacuate", "Qinghe Red Cross Society", 3)],
            ["Qinghe Red Cross Society", "<script>alert(1)</script>"],
            Guid.NewGuid());

        var read = TextVersions.Apply(board, Chinese);

        read.Title.ShouldBe("清河洪水");
        read.Heading.ShouldBe("清河洪水", "a get-only member is read too");
        read.Tasks.Select(t => (t.Title, t.Organisation)).ShouldBe([("Sandbag the levee", "清河市红十字会"), ("清河洪水", null)]);
        read.Urgent.ShouldHaveSingleItem().Organisation.ShouldBe("清河市红十字会");
        read.Names.ShouldBe(["清河市红十字会", "<script>alert(1)</script>"]);
        read.Id.ShouldBe(board.Id);
    }

    [Fact]
    public void The_original_is_never_changed_because_a_read_may_be_shared_between_languages()
    {
        var tasks = new List<Task> { new("Flood on the Qinghe", "Qinghe Red Cross Society", 1) };
        var board = new Board("Flood on the Qinghe", tasks, [], ["Qinghe Red Cross Society"], Guid.NewGuid());

        _ = TextVersions.Apply(board, Chinese);

        board.Title.ShouldBe("Flood on the Qinghe");
        board.Heading.ShouldBe("Flood on the Qinghe");
        tasks[0].Title.ShouldBe("Flood on the Qinghe");
        board.Names[0].ShouldBe("Qinghe Red Cross Society");
    }

    [Fact]
    public void What_has_no_version_is_the_same_instance_so_nothing_is_copied_for_nothing()
    {
        var board = new Board("Landslide", [new Task("Clear the road", null, 1)], [], ["Xiba"], Guid.NewGuid());

        TextVersions.Apply(board, Chinese).ShouldBeSameAs(board);
        TextVersions.Apply(board, new Dictionary<string, string>()).ShouldBeSameAs(board);
        TextVersions.Apply<string?>(null, Chinese).ShouldBeNull();
    }
}
