namespace Corrections.Documents.Text;

/// <summary>How a person's name is printed on the papers of the procedure.</summary>
public static class PersonName
{
    /// <summary>«Иванова Мария Петровна»: the full name, as in the change table's student column.</summary>
    public static string Full(string surname, string givenName, string? patronymic)
        => string.IsNullOrWhiteSpace(patronymic) ? $"{surname} {givenName}" : $"{surname} {givenName} {patronymic}";

    /// <summary>«Иванова М. П.»: surname and initials, as in signature blocks and the initiator column.</summary>
    public static string WithInitials(string surname, string givenName, string? patronymic)
    {
        var initials = Initial(givenName) + (string.IsNullOrWhiteSpace(patronymic) ? "" : "\u00A0" + Initial(patronymic));
        return initials.Length == 0 ? surname : $"{surname}\u00A0{initials}";
    }

    /// <summary>First letter and a dot; a double name keeps both parts («Анна-Мария» → «А.-М.»).</summary>
    private static string Initial(string name)
    {
        var parts = name.Trim().Split('-', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("-", parts.Select(p => char.ToUpperInvariant(p[0]) + "."));
    }
}
