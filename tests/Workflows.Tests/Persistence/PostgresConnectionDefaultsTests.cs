using Corrections.Tests.Shared;
using Corrections.Workflows.Persistence;
using Npgsql;

namespace Corrections.Workflows.Tests.Persistence;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void Statements_are_prepared_and_connections_not_reset_unless_the_connection_string_says_otherwise()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PersistenceServiceCollectionExtensions.WithPostgresDefaults("Host=db;Database=corrections;Username=app;Password=secret"));
        Assert.Equal(100, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("secret", tuned.Password);
        Assert.Equal("corrections", tuned.Database);

        var own = new NpgsqlConnectionStringBuilder(PersistenceServiceCollectionExtensions.WithPostgresDefaults("Host=db;Database=corrections;Max Auto Prepare=0;AutoPrepareMinUsages=7;No Reset On Close=false"));
        Assert.Equal(0, own.MaxAutoPrepare);
        Assert.Equal(7, own.AutoPrepareMinUsages);
        Assert.False(own.NoResetOnClose);
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

/// <summary>What the defaults keep safe on a real server: a connection returned to the pool unreset still loses its open transaction.</summary>
public sealed class PostgresConnectionReuseTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_transaction_left_open_is_rolled_back_when_its_connection_goes_back_to_the_pool()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(PersistenceServiceCollectionExtensions.WithPostgresDefaults(_database.ConnectionString)) { MaxPoolSize = 1 }.ConnectionString;
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync();
            await new NpgsqlCommand("CREATE TABLE probe (id int)", setup).ExecuteNonQueryAsync();
        }

        int backend;
        await using (var first = new NpgsqlConnection(connectionString))
        {
            await first.OpenAsync();
            backend = first.ProcessID;
            var tx = await first.BeginTransactionAsync();
            await new NpgsqlCommand("INSERT INTO probe VALUES (1)", first, tx).ExecuteNonQueryAsync();
            // Closed without commit or rollback.
        }

        await using var second = new NpgsqlConnection(connectionString);
        await second.OpenAsync();
        Assert.Equal(backend, second.ProcessID);
        Assert.Equal(0L, await new NpgsqlCommand("SELECT count(*) FROM probe", second).ExecuteScalarAsync());
        // Still inside the old transaction, the insert's transaction id would be assigned.
        Assert.Equal(DBNull.Value, await new NpgsqlCommand("SELECT txid_current_if_assigned()", second).ExecuteScalarAsync());
    }
}
