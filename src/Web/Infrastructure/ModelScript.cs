using Corrections.Workflows.Persistence;

namespace Corrections.Web.Infrastructure;

/// <summary>
/// <c>dotnet run --project src/Web -- model-script postgres|sqlite</c> prints the schema the EF model
/// expects, the starting point for writing the next migration by hand (docs/decisions/0002-migrations.md).
/// </summary>
public static class ModelScript
{
    public static bool TryRun(string[] args)
    {
        if (args is not ["model-script", var name]) return false;
        if (!Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider))
        {
            Console.Error.WriteLine("usage: model-script postgres|sqlite");
            Environment.ExitCode = 2;
            return true;
        }
        Console.Out.Write(ModelSchema.CreateScript(provider));
        return true;
    }
}
