using Corrections.Documents.Text;

namespace Corrections.Documents.Tests.Text;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("Иванова", "Мария", "Петровна", "Иванова Мария Петровна")]
    [InlineData("Смит", "Джон", null, "Смит Джон")]
    [InlineData("Смит", "Джон", "  ", "Смит Джон")]
    public void The_full_name_is_surname_name_and_patronymic_when_there_is_one(string surname, string name, string? patronymic, string expected)
        => Assert.Equal(expected, PersonName.Full(surname, name, patronymic));

    [Theory]
    [InlineData("Иванова", "Мария", "Петровна", "Иванова\u00A0М.\u00A0П.")]
    [InlineData("Смит", "Джон", null, "Смит\u00A0Д.")]
    [InlineData("Петрова", "анна-мария", "Ивановна", "Петрова\u00A0А.-М.\u00A0И.")]
    public void Initials_follow_the_surname_with_non_breaking_spaces_so_they_never_wrap_apart(string surname, string name, string? patronymic, string expected)
        => Assert.Equal(expected, PersonName.WithInitials(surname, name, patronymic));
}
