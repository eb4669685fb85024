using System.Text.RegularExpressions;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Records;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Schools;

/// <summary>POST /api/v1/municipalities/{municipalityId}/schools: a municipal or installation administrator adds a school.</summary>
public static partial class CreateSchool
{
    public sealed record Request(
        string? FullName, string? ShortName, string? Address, string? Phone, string? Email,
        string? Inn, string? Kpp, string? Ogrn, string? TimeZone);

    public static void Map(IEndpointRouteBuilder municipality) => municipality.MapPost("/schools", Handle)
        .RequireAuthorization(Policies.MunicipalityAdmin).ProducesProblem(StatusCodes.Status409Conflict).WithTags("Organisation");

    public static async Task<Results<Created<SchoolDto>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid municipalityId, Request request, CorrectionsDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var v = new Validation(t);
        var school = new School
        {
            Id = Guid.CreateVersion7(),
            MunicipalityId = municipalityId,
            FullName = v.Required("fullName", request.FullName, Limits.LongName),
            ShortName = v.Required("shortName", request.ShortName, Limits.Name),
            Address = v.Required("address", request.Address, Limits.Address),
            Phone = v.Optional("phone", request.Phone, Limits.ShortText),
            Email = v.Email("email", request.Email, required: false, Limits.Email),
            Inn = Digits(v, "inn", request.Inn, 10, InnIsValid),
            Kpp = Kpp(v, request.Kpp),
            Ogrn = Digits(v, "ogrn", request.Ogrn, 13, OgrnIsValid),
            TimeZoneId = TimeZone(v, request.TimeZone),
        };
        if (!v.IsValid) return v.Problem();
        if (await db.Schools.IgnoreQueryFilters().AnyAsync(s => s.MunicipalityId == municipalityId && s.ShortName == school.ShortName, ct))
            return Validation.Conflict(t, "Conflict.SchoolShortName", school.ShortName);

        db.Schools.Add(school);
        db.Grounds.AddRange(DefaultGrounds.For(school.Id));
        db.CaseFiles.AddRange(DefaultCases.For(school.Id, Workflows.Locking.SchoolClock.Today(school.TimeZoneId, clock).Year));
        db.Numerators.AddRange(Numerator.Defaults(school.Id));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/schools/{school.Id}", SchoolDto.From(school));
    }

    /// <summary>An IANA zone that this machine knows («Europe/Moscow», «Asia/Kamchatka»); Windows names are refused.</summary>
    internal static string TimeZone(Validation v, string? value)
    {
        var id = v.Required("timeZone", value, Limits.ShortText);
        if (id.Length == 0) return id;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) || !zone.HasIanaId || !string.Equals(zone.Id, id, StringComparison.Ordinal))
            v.Add("timeZone", "Validation.TimeZone", id);
        return id;
    }

    private static string? Digits(Validation v, string field, string? value, int length, Func<string, bool> checksum)
    {
        var text = v.Optional(field, value, length + 2);
        if (text is null) return null;
        if (text.Length != length || !text.All(char.IsAsciiDigit)) v.Add(field, "Validation.Digits", length);
        else if (!checksum(text)) v.Add(field, "Validation.Checksum");
        return text;
    }

    private static string? Kpp(Validation v, string? value)
    {
        var text = v.Optional("kpp", value, 12);
        if (text is not null && !KppPattern().IsMatch(text)) v.Add("kpp", "Validation.Kpp");
        return text;
    }

    /// <summary>Check digit of a legal entity's 10-digit ИНН.</summary>
    internal static bool InnIsValid(string inn)
    {
        int[] weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        var sum = weights.Select((w, i) => w * (inn[i] - '0')).Sum();
        return sum % 11 % 10 == inn[9] - '0';
    }

    /// <summary>Check digit of a 13-digit ОГРН: the first 12 digits modulo 11, then modulo 10.</summary>
    internal static bool OgrnIsValid(string ogrn) => long.Parse(ogrn[..12]) % 11 % 10 == ogrn[12] - '0';

    [GeneratedRegex(@"^\d{4}[0-9A-Z]{2}\d{3}$")]
    private static partial Regex KppPattern();
}
