using CrisisCoord.Application.Security;

namespace CrisisCoord.UnitTests.Security;

/// <summary>ASVS 5.0 V6.2: length over composition, and no password from the common list.</summary>
public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("alllowercaseletters")]
    [InlineData("水位上涨请撤离到高处")]
    [InlineData("8chars!!")]
    public void Long_enough_uncommon_passwords_pass_whatever_characters_they_use(string password) =>
        PasswordRules.Problem(password).ShouldBeNull();

    [Fact]
    public void Passwords_of_64_and_128_characters_are_allowed_and_longer_ones_refused()
    {
        PasswordRules.Problem(new string('k', 64) + "x").ShouldBeNull();
        PasswordRules.Problem(string.Concat(Enumerable.Repeat("abcdefgh", 16))).ShouldBeNull();
        PasswordRules.Problem(new string('k', PasswordRules.MaximumLength + 1))!.ShouldContain("at most 128");
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("short")]
    public void Fewer_than_8_characters_are_refused_with_the_advice(string password) =>
        PasswordRules.Problem(password)!.ShouldContain("at least 8 characters; 15 or more is better");

    [Theory]
    [InlineData("password")]
    [InlineData("iloveyou")]
    [InlineData("Football")]
    [InlineData("12345678")]
    [InlineData("baseball")]
    public void The_most_common_passwords_are_refused_whatever_their_case(string password) =>
        PasswordRules.Problem(password)!.ShouldContain("most commonly used");

    [Fact]
    public void The_list_holds_ten_thousand_passwords()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("CrisisCoord.common-passwords.txt");
        stream.ShouldNotBeNull();
        new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(10_000);
    }
}
