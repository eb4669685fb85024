namespace Corrections.Web.Demo;

/// <summary>Realistic Russian names for demo students, with the right feminine forms.</summary>
internal static class DemoNames
{
    // Every one of these surnames takes «-а» in the feminine.
    private static readonly string[] Surnames =
    [
        "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров",
        "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
        "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев",
    ];
    private static readonly string[] Boys = ["Александр", "Максим", "Иван", "Артём", "Дмитрий", "Никита", "Михаил", "Кирилл", "Егор", "Илья", "Матвей", "Тимофей"];
    private static readonly string[] Girls = ["Анна", "Мария", "Софья", "Алиса", "Виктория", "Полина", "Дарья", "Екатерина", "Ксения", "Варвара", "Елизавета", "Арина"];
    private static readonly (string Son, string Daughter)[] Patronymics =
    [
        ("Александрович", "Александровна"), ("Сергеевич", "Сергеевна"), ("Андреевич", "Андреевна"), ("Дмитриевич", "Дмитриевна"),
        ("Алексеевич", "Алексеевна"), ("Игоревич", "Игоревна"), ("Владимирович", "Владимировна"), ("Николаевич", "Николаевна"),
        ("Михайлович", "Михайловна"), ("Олегович", "Олеговна"), ("Евгеньевич", "Евгеньевна"), ("Павлович", "Павловна"),
    ];

    /// <summary><paramref name="size"/> distinct students, deterministic for a given <paramref name="random"/>.</summary>
    public static IEnumerable<(string Surname, string GivenName, string Patronymic)> Class(Random random, int size)
    {
        var surnames = Surnames.OrderBy(_ => random.Next()).Take(size).ToArray();
        for (var i = 0; i < size; i++)
        {
            var girl = random.Next(2) == 0;
            var father = Patronymics[random.Next(Patronymics.Length)];
            yield return girl
                ? (surnames[i] + "а", Girls[random.Next(Girls.Length)], father.Daughter)
                : (surnames[i], Boys[random.Next(Boys.Length)], father.Son);
        }
    }
}
