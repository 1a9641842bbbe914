using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Npgsql;
using Parley.Workspace.Pricing;
using Parley.Workspace.Storage;
using Xunit;

namespace Parley.Workspace.Tests.Infrastructure;

/// <summary>A delegation's private inputs with marker values that must never reach another role.</summary>
public sealed record Delegation(string Party, string User, Dictionary<string, double> Weights, double Reservation, string Note)
{
    /// <summary>Strings that identify this delegation's private inputs in any response or log.</summary>
    public IReadOnlyList<string> Markers => [Note.Split(' ')[0], .. Weights.Values.Select(R), R(Reservation)];

    public static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    public object Request => new { weights = Weights, reservation_utility = Reservation, risk_aversion = 0.0, note = Note };

    public PrivateInputs Inputs => new(Weights, Reservation, 0, Note);
}

/// <summary>A real workspace server (Kestrel on a free port) over a fresh database, with one US–Japan workspace whose
/// four members (USA and JPN delegates, mediator, observer) joined by invitation, and an outsider in another workspace.</summary>
public class WorkspaceServer : IAsyncLifetime
{
    public const string Password = "correct-horse-battery";
    private readonly bool _postgres;
    private string? _pgDatabase;
    private string? _dir;
    private WebApplication? _app;

    public WorkspaceServer() : this(false) { }

    protected WorkspaceServer(bool postgres) => _postgres = postgres;

    public string Database { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Ws { get; private set; } = "";
    public string OtherWs { get; private set; } = "";
    public ConcurrentQueue<string> Logs { get; } = new();
    public PricedNegotiation Priced => PricedExample.UsJapan;

    public Delegation Usa { get; private set; } = null!;
    public Delegation Jpn { get; private set; } = null!;

    public static readonly string[] Roles = ["usa", "jpn", "mediator", "observer"];

    /// <summary>Why the tests of this fixture skip (PostgreSQL not configured), or null.</summary>
    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        _dir = Directory.CreateTempSubdirectory("parley-ws-").FullName;
        if (_postgres)
        {
            var admin = Environment.GetEnvironmentVariable("PARLEY_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(admin))
            {
                if (TestServices.OnCi) throw new InvalidOperationException("PARLEY_TEST_POSTGRES is not set on CI (run .ci/services start)");
                SkipReason = "PARLEY_TEST_POSTGRES is not set: PostgreSQL tests skipped (eval \"$(bash .ci/services env)\")";
                return;
            }
            _pgDatabase = "parley_ws_" + Guid.NewGuid().ToString("N")[..12];
            await using (var c = new NpgsqlConnection(admin)) { await c.OpenAsync(); await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_pgDatabase}", c); await cmd.ExecuteNonQueryAsync(); }
            Database = new NpgsqlConnectionStringBuilder(admin) { Database = _pgDatabase }.ToString();
        }
        else Database = Path.Combine(_dir, "workspace.db");
        await using (var db = WorkspaceStore.Open(Database))
        {
            SchemaSetup.Ensure(db);
            Ws = await WorkspaceAdmin.Create(db, Priced, "US–Japan 2025 <script>alert('name')</script>");
            OtherWs = await WorkspaceAdmin.Create(db, Priced, "Another table");
        }
        _app = WorkspaceHost.Build(new WorkspaceOptions { Database = Database, KeysDirectory = Path.Combine(_dir, "keys") }, 0,
            logging => logging.AddProvider(new CapturingLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Trace));
        await _app.StartAsync();
        Address = WorkspaceHost.Address(_app);
        foreach (var role in Roles) await Join(Ws, role == "usa" ? "delegate:USA" : role == "jpn" ? "delegate:JPN" : role, role);
        await Join(OtherWs, "delegate:USA", "outsider");
        Usa = Delegation("USA", "usa", ["welfare", "trade_balance:JPN", "tariff_revenue", "sector_output:c15"], [1.0000731, 0.1000452, 0.0500367, 0.0050219], "USA-PRIVATE-7Q4Z walk-away at 0.25 <b>bold</b>");
        Jpn = Delegation("JPN", "jpn", ["welfare", "sector_output:c15", "sector_output:c1"], [1.0000583, 0.0100644, 0.0050871], "JPN-PRIVATE-9K2W farm lobby <img src=x onerror=alert(1)>");
        foreach (var d in new[] { Usa, Jpn })
        {
            using var s = await SignedIn(d.User);
            var (status, body) = await s.PostJson($"/workspace/api/ws/{Ws}/private/{d.Party}", d.Request);
            if ((int)status != 204) throw new InvalidOperationException($"private inputs of {d.Party}: {status} {body}");
        }
    }

    /// <summary>Private inputs just below the party's utility of no deal (so the recorded agreement can be in the ZOPA).</summary>
    private Delegation Delegation(string party, string user, string[] keys, double[] weights, string note)
    {
        var w = keys.Zip(weights).ToDictionary(x => x.First, x => x.Second);
        var batna = new PrivateInputs(w, 0, 0, "").Utility(party, Priced.Batna);
        return new Delegation(party, user, w, Math.Round(batna - 0.0123457, 7), note);
    }

    private async Task Join(string ws, string role, string user)
    {
        string token;
        await using (var db = WorkspaceStore.Open(Database)) token = await WorkspaceAdmin.Invite(db, ws, role, TimeSpan.FromHours(1));
        using var s = new Session(Address, user);
        var status = await s.AcceptInvitation(token, user, Password);
        if (status != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException($"invitation for {user}: {status}");
    }

    /// <summary>A new session signed in as a member (usa, jpn, mediator, observer, outsider).</summary>
    public async Task<Session> SignedIn(string user)
    {
        var s = new Session(Address, user);
        var status = await s.Login(user, Password);
        if (status != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException($"login of {user}: {status}");
        return s;
    }

    /// <summary>Creates an extra user in the main workspace (e.g. for the lockout test).</summary>
    public Task JoinAs(string role, string user) => Join(Ws, role, user);

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(Environment.GetEnvironmentVariable("PARLEY_TEST_POSTGRES"));
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", c);
            await cmd.ExecuteNonQueryAsync();
        }
        try { if (_dir is not null) Directory.Delete(_dir, true); } catch (IOException) { }
    }
}

/// <summary>The same server on a fresh PostgreSQL database (PARLEY_TEST_POSTGRES), dropped afterwards.</summary>
public sealed class PostgresWorkspaceServer() : WorkspaceServer(true);

/// <summary>Keeps every log line (message and exception) the server writes.</summary>
public sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
