using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Infrastructure;

/// <summary>
/// Collects field errors for one request, in Russian from the resources, keyed by the JSON field
/// name. Handlers validate everything before they write anything, so a refusal changes nothing.
/// </summary>
public sealed partial class Validation(IStringLocalizer<SharedResource> t)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IStringLocalizer<SharedResource> Text => t;

    public void Add(string field, string messageKey, params object[] args)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(t[messageKey, args]);
    }

    /// <summary>Required text no longer than <paramref name="max"/>; returns it trimmed.</summary>
    public string Required(string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(field, "Validation.Required"); return ""; }
        return Optional(field, value, max) ?? "";
    }

    /// <summary>Optional text: blank becomes null, too long is an error.</summary>
    public string? Optional(string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        if (trimmed.Length > max) Add(field, "Validation.TooLong", max);
        return trimmed;
    }

    public string? Email(string field, string? value, bool required, int max)
    {
        var email = required ? Required(field, value, max) : Optional(field, value, max);
        if (!string.IsNullOrEmpty(email) && (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            Add(field, "Validation.Email");
        return string.IsNullOrEmpty(email) ? null : email;
    }

    /// <summary>A person's name part: letters (Cyrillic or Latin), hyphen, apostrophe, space.</summary>
    public string? PersonName(string field, string? value, bool required, int max)
    {
        var name = required ? Required(field, value, max) : Optional(field, value, max);
        if (!string.IsNullOrEmpty(name) && !NamePattern().IsMatch(name)) Add(field, "Validation.PersonName");
        return string.IsNullOrEmpty(name) ? null : name;
    }

    public T RequiredValue<T>(string field, T? value) where T : struct
    {
        if (value is null) { Add(field, "Validation.Required"); return default; }
        return value.Value;
    }

    public ValidationProblem Problem() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        title: t["Problem.Validation"]);

    public static ProblemHttpResult NotFound(IStringLocalizer<SharedResource> t, string messageKey, params object[] args)
        => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: t["Problem.NotFound"], detail: t[messageKey, args]);

    public static ProblemHttpResult Conflict(IStringLocalizer<SharedResource> t, string messageKey, params object[] args)
        => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: t["Problem.Conflict"], detail: t[messageKey, args]);

    [GeneratedRegex(@"^\p{L}+(?:[\p{L}' \-]*\p{L})?$")]
    private static partial Regex NamePattern();
}
