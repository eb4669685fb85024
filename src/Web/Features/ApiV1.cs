using Corrections.Web.Infrastructure;

namespace Corrections.Web.Features;

/// <summary>
/// The map of <c>/api/v1</c>. Everything under <c>/schools/{schoolId}</c> needs a role in that school and
/// everything under <c>/municipalities/{municipalityId}</c> a role in that municipality; writes add their
/// own policy. The access rules themselves live in <see cref="AccessHandler"/>.
/// </summary>
public static class ApiV1
{
    public static void MapApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        Auth.Login.Map(api);

        var signedIn = api.MapGroup("").RequireAuthorization("api");
        Auth.GetMe.Map(signedIn);
        Municipalities.ListMunicipalities.Map(signedIn);
        Municipalities.CreateMunicipality.Map(signedIn);
        Schools.ListSchools.Map(signedIn);
        Requests.ListMyRequests.Map(signedIn);
        Requests.GetInbox.Map(signedIn);
        Requests.GetRequest.Map(signedIn);
        Requests.UpdateDraft.Map(signedIn);
        Requests.GetActions.Map(signedIn);
        Requests.TakeAction.Map(signedIn);
        Requests.GetDiagram.Map(signedIn);
        Requests.Documents.Map(signedIn);
        Documents.ApplicationDocument.Map(signedIn);
        Documents.VerifyDocument.Map(signedIn);
        Documents.DecisionDocument.Map(signedIn);
        Documents.CardAndLetterDocuments.MapLetter(signedIn);
        Audit.VerifyAudit.Map(signedIn);
        Notifications.GetMyNotificationSettings.Map(signedIn);
        Notifications.SetMyNotificationSettings.Map(signedIn);

        var municipality = signedIn.MapGroup("/municipalities/{municipalityId:guid}").RequireAuthorization(Policies.MunicipalityMember);
        Municipalities.GetMunicipality.Map(municipality);
        Schools.CreateSchool.Map(municipality);
        Staff.ListMunicipalityStaff.Map(municipality);
        Staff.AddMunicipalityStaffMember.Map(municipality);
        LockPolicy.SetLockPolicy.MapForMunicipality(municipality);
        Requests.GetOverdueSummary.Map(municipality);

        var school = signedIn.MapGroup("/schools/{schoolId:guid}").RequireAuthorization(Policies.SchoolMember);
        Schools.GetSchool.Map(school);
        SchoolYears.ListSchoolYears.Map(school);
        SchoolYears.CreateSchoolYear.Map(school);
        Classes.ListClasses.Map(school);
        Classes.CreateClass.Map(school);
        Students.ListStudents.Map(school);
        Students.CreateStudent.Map(school);
        Subjects.ListSubjects.Map(school);
        Subjects.CreateSubject.Map(school);
        Assignments.ListAssignments.Map(school);
        Assignments.CreateAssignment.Map(school);
        Staff.ListStaff.Map(school);
        Staff.AddStaffMember.Map(school);
        Requests.ListGrounds.Map(school);
        Requests.SaveGround.Map(school);
        Requests.GetLockStatus.Map(school);
        LockPolicy.GetLockPolicy.Map(school);
        LockPolicy.SetLockPolicy.MapForSchool(school);
        Records.ListCases.Map(school);
        Records.SaveCase.Map(school);
        Records.Numerators.Map(school);
        Records.ListRegister.Map(school);
        Records.ExportRegister.Map(school);
        Records.GetCaseInventory.Map(school);
        Retention.ListRetention.Map(school);
        Journal.GetJournal.Map(school);
        Journal.EditJournal.Map(school);
        Journal.AddLesson.Map(school);
        Journal.GetChangeTable.Map(school);
        Journal.CorrectChangeTableRow.Map(school);
        Documents.ChangeTableDocument.Map(school);
        Documents.RegisterDocument.Map(school);
        Documents.InventoryDocument.Map(school);
        Documents.CardAndLetterDocuments.MapCard(school);
        Journal.GetAccessReport.Map(school);
        Journal.SetJournalMode.Map(school);
        Retention.DrawUpDestructionAct.Map(school);
        Retention.GetDestructionAct.Map(school);
        Retention.ApproveDestructionAct.Map(school);
        Retention.ExecuteDestructionAct.Map(school);
        Requests.CreateRequest.Map(school);
        Calendar.GetCalendar.Map(school);
        Calendar.SetCalendar.Map(school);
        Notifications.ListParkedMail.Map(school);
        Notifications.ResendMail.Map(school);
    }
}
