using Corrections.Workflows.Persistence;
using Npgsql;

namespace Corrections.Workflows.Tests.Persistence;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void Statements_are_prepared_automatically_unless_the_connection_string_says_otherwise()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PersistenceServiceCollectionExtensions.WithPostgresDefaults("Host=db;Database=corrections;Username=app;Password=secret"));
        Assert.Equal(100, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.Equal("secret", tuned.Password);
        Assert.Equal("corrections", tuned.Database);

        var own = new NpgsqlConnectionStringBuilder(PersistenceServiceCollectionExtensions.WithPostgresDefaults("Host=db;Database=corrections;Max Auto Prepare=0;AutoPrepareMinUsages=7"));
        Assert.Equal(0, own.MaxAutoPrepare);
        Assert.Equal(7, own.AutoPrepareMinUsages);
    }

    [Fact]
    public void The_resolved_postgres_connection_string_carries_the_defaults()
    {
        var resolved = PersistenceServiceCollectionExtensions.ResolveConnectionString(
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=db;Database=corrections" }, "/data");
        Assert.Equal(100, new NpgsqlConnectionStringBuilder(resolved).MaxAutoPrepare);
        Assert.Equal("Data Source=/data/corrections.db", PersistenceServiceCollectionExtensions.ResolveConnectionString(new DatabaseOptions(), "/data"));
    }
}
