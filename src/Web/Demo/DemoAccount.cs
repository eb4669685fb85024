using Corrections.Workflows.Accounts;

namespace Corrections.Web.Demo;

/// <summary>A demo login as printed at start-up and listed in the README.</summary>
public sealed record DemoAccount(string Email, string Surname, string GivenName, string Patronymic, string Where, Role[] Roles);
