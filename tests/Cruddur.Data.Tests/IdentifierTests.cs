namespace Cruddur.Data.Tests;

public class IdentifierTests
{
    [Theory]
    [InlineData("cruddur", "\"cruddur\"")]
    [InlineData("Cruddur_Test_1", "\"Cruddur_Test_1\"")]
    public void Allowed_names_are_quoted(string name, string quoted) => Assert.Equal(quoted, Identifier.Quote(name));

    [Theory]
    [InlineData("cruddur\"; DROP DATABASE postgres; --")]
    [InlineData("1cruddur")]
    [InlineData("cru ddur")]
    [InlineData("")]
    [InlineData("a_name_that_is_far_too_long_for_postgresql_to_keep_whole_in_its_catalog")]
    public void Database_names_that_could_inject_sql_are_refused(string name)
    {
        var error = Assert.Throws<CruddurException>(() => Identifier.Quote(name));
        Assert.Contains("is not allowed", error.Message);
    }
}
