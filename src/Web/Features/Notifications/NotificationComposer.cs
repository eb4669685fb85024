using System.Globalization;
using System.Text;
using System.Text.Json;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Notifications;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using static Corrections.Web.Features.Notifications.NotificationPlan;

namespace Corrections.Web.Features.Notifications;

/// <summary>
/// Turns one outbox event of a step into the emails it causes: who (role assignments of the request's
/// school, the department officers of its municipality, the initiator), in which of their chosen
/// modes (email, digest, off), with which Russian text. The person who took the step is not told
/// of their own action. Subjects name the request by number, class and subject, never a student:
/// a subject line is shown in every inbox listing, and a student's name in it is personal data.
/// </summary>
public sealed class NotificationComposer(CorrectionsDbContext db, DefinitionRegistry definitions, NotificationLinks links, IStringLocalizer<NotificationText> t)
{
    private static readonly CultureInfo Russian = new("ru-RU");

    private sealed record Event(Guid InstanceId, string Step, string To, Guid? ActorId, DateTimeOffset? DueAt);

    /// <summary>The emails of <paramref name="message"/>, not yet saved; none for an event that tells nobody.</summary>
    public async Task<List<OutgoingMail>> ComposeAsync(OutboxMessage message, DateTimeOffset now, CancellationToken ct)
    {
        var plan = message.Kind.StartsWith("correction-request.", StringComparison.Ordinal) ? ReadEvent(message.Payload) is { } e ? (e, For(e.Step)) : (null, []) : (null, []);
        if (plan.Item1 is not { } ev || plan.Item2.Count == 0) return [];

        var request = await (
            from r in db.CorrectionRequests.AsNoTracking()
            where r.Id == ev.InstanceId
            join i in db.WorkflowInstances.AsNoTracking() on r.Id equals i.Id
            join s in db.Schools.AsNoTracking() on r.SchoolId equals s.Id
            join c in db.Classes.AsNoTracking() on r.ClassId equals c.Id
            join subject in db.Subjects.AsNoTracking() on r.SubjectId equals subject.Id
            select new
            {
                r.Id, r.SchoolId, r.InitiatorId, r.CreatedAt, s.MunicipalityId, School = s.ShortName, s.TimeZoneId, Class = c.Name, Subject = subject.Name,
                i.DefinitionId, i.DefinitionVersion,
                Number = db.RegisteredDocuments.Where(d => d.RequestId == r.Id && d.Kind == DocumentKind.IncomingRequest).Select(d => d.Number).FirstOrDefault(),
            }).SingleOrDefaultAsync(ct);
        if (request is null) return [];
        var definition = await definitions.GetAsync(request.DefinitionId, request.DefinitionVersion, db, ct);
        var stateTitle = definition.States.TryGetValue(ev.To, out var state) ? state.Title : ev.To;

        var audiences = plan.Item2.SelectMany(l => l.To).Distinct().ToList();
        var schoolRoles = audiences.Select(RoleOf).OfType<Role>().ToList();
        var holders = await db.RoleAssignments.AsNoTracking()
            .Where(a => (a.SchoolId == request.SchoolId && schoolRoles.Contains(a.Role))
                        || (a.Role == Role.DepartmentOfficer && a.SchoolId == null && a.MunicipalityId == request.MunicipalityId))
            .Select(a => new { a.UserId, a.Role }).ToListAsync(ct);
        IEnumerable<Guid> Of(Audience audience) => audience == Audience.Initiator ? [request.InitiatorId]
            : holders.Where(h => h.Role == RoleOf(audience)).Select(h => h.UserId);

        var userIds = plan.Item2.SelectMany(l => l.To.SelectMany(Of)).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.GivenName, u.Patronymic }).ToDictionaryAsync(u => u.Id, ct);
        var kinds = plan.Item2.Select(l => l.Kind).ToList();
        var modes = await db.NotificationPreferences.AsNoTracking().Where(p => userIds.Contains(p.UserId) && kinds.Contains(p.Kind))
            .ToDictionaryAsync(p => (p.UserId, p.Kind), p => p.Mode, ct);

        var label = request.Number is { } number
            ? t["Label.Numbered", number, request.Class, request.Subject].Value
            : t["Label.Unnumbered", LocalDate(request.CreatedAt, request.TimeZoneId), request.Class, request.Subject].Value;
        var due = ev.DueAt is { } at ? t["Due.Format", LocalTime(at, request.TimeZoneId), Offset(at, request.TimeZoneId)].Value : null;
        var outcome = t["Outcome." + ev.Step].ResourceNotFound ? "" : t["Outcome." + ev.Step].Value;

        var mails = new List<OutgoingMail>();
        foreach (var line in plan.Item2)
        {
            foreach (var userId in line.To.SelectMany(Of).Distinct())
            {
                if (userId == ev.ActorId || !people.TryGetValue(userId, out var person) || string.IsNullOrWhiteSpace(person.Email)) continue;
                if (mails.Any(m => m.UserId == userId && m.Kind == line.Kind)) continue;
                var mode = modes.GetValueOrDefault((userId, line.Kind), NotificationMode.Email);
                if (mode == NotificationMode.Off) continue;

                var body = new StringBuilder()
                    .AppendLine(t["Body.Greeting", $"{person.GivenName} {person.Patronymic}".Trim()]).AppendLine()
                    .AppendLine(t["Body." + line.Kind, outcome]).AppendLine()
                    .AppendLine(t["Body.School", request.School])
                    .AppendLine(t["Body.Request", label])
                    .AppendLine(t["Body.State", stateTitle]);
                if (due is not null) body.AppendLine(t["Body.Due", due]);
                body.AppendLine().AppendLine(t["Body.Link", links.Request(request.Id)]).AppendLine().AppendLine(t["Body.Footer"]);
                mails.Add(new OutgoingMail
                {
                    Id = Guid.CreateVersion7(), SchoolId = request.SchoolId, EventId = message.Id, RequestId = request.Id, UserId = userId,
                    To = person.Email!, Kind = line.Kind, Subject = Trim(t["Subject." + line.Kind, label, line.Kind == NotificationKinds.DecisionReminder ? due ?? "" : outcome], Limits.LongName),
                    Body = body.ToString(), Delivery = mode == NotificationMode.Digest ? MailDelivery.Digest : MailDelivery.Email,
                    CreatedAt = now, NextAttemptAt = now,
                });
            }
        }
        return mails;
    }

    private static Event? ReadEvent(string payload)
    {
        using var json = JsonDocument.Parse(payload);
        var root = json.RootElement;
        if (!root.TryGetProperty("instanceId", out var id) || !root.TryGetProperty("step", out var step) || !root.TryGetProperty("to", out var to)) return null;
        Guid? actor = root.TryGetProperty("actorId", out var a) && a.ValueKind == JsonValueKind.String ? a.GetGuid() : null;
        DateTimeOffset? dueAt = root.TryGetProperty("dueAt", out var d) && d.ValueKind == JsonValueKind.String ? d.GetDateTimeOffset() : null;
        return new Event(id.GetGuid(), step.GetString()!, to.GetString()!, actor, dueAt);
    }

    private static Role? RoleOf(Audience audience) => audience switch
    {
        Audience.Clerk => Role.Clerk,
        Audience.Director => Role.Director,
        Audience.Zavuch => Role.Zavuch,
        Audience.Department => Role.DepartmentOfficer,
        _ => null,
    };

    private static string LocalDate(DateTimeOffset at, string zone) => TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("dd.MM.yyyy", Russian);

    private static string LocalTime(DateTimeOffset at, string zone) => TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("dd.MM.yyyy HH:mm", Russian);

    private static string Offset(DateTimeOffset at, string zone)
    {
        var offset = TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(at);
        return (offset < TimeSpan.Zero ? "−" : "+") + offset.ToString(offset.Minutes == 0 ? "%h" : @"h\:mm", Russian);
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
