using System.Reflection;
using Parley.Cli.Commands;
using Parley.Models.Numerics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli;

/// <summary>The <c>parley</c> command. Exit codes: 0 success, 1 internal error, 2 bad input or usage, 3 solver did not converge.</summary>
internal static class Program
{
    public const int Ok = 0, InternalError = 1, InputError = 2, NotConverged = 3;

    public static int Main(string[] args)
    {
        PhaseTimings.Mark("main");
        var console = AnsiConsole.Console;
        // Redirected output (logs, CI) has no terminal width; 160 columns keep the tables legible there.
        if (Console.IsOutputRedirected && Environment.GetEnvironmentVariable("COLUMNS") is null) console.Profile.Width = 160;
        var code = Run(args, console, Console.Error);
        PhaseTimings.Report(Console.Error);
        return code;
    }

    /// <summary>Runs the CLI against a console (tests pass a recording console).</summary>
    public static int Run(string[] args, IAnsiConsole console, TextWriter error)
    {
        AnsiConsoleAccessor.Console = console;
        if (args is ["--version"] or ["-V"])
        {
            console.Profile.Out.Writer.WriteLine(VersionLine());
            return Ok;
        }
        var app = new CommandApp();
        app.Configure(c =>
        {
            c.SetApplicationName("parley");
            c.SetApplicationVersion(VersionLine()["parley ".Length..]); // help lists --version; Run answers it before parsing
            c.ConfigureConsole(console);
            c.PropagateExceptions();
            if (PhaseTimings.Enabled) c.SetInterceptor(new PhaseTimings.ParsedInterceptor());
            c.UseStrictParsing(); // an unknown option is a usage error (exit 2), not silently ignored
            c.AddCommand<DemoCommand>("demo").WithDescription("Run the bundled Liberation Day and US–Japan scenarios and print a comparison.");
            c.AddCommand<SimulateCommand>("simulate").WithDescription("Solve a scenario file; print a table and optionally write CSV/JSON/HTML.")
                .WithExample("simulate", "examples/liberation-day.yaml", "--out", "out/liberation-day");
            c.AddCommand<CompareCommand>("compare").WithDescription("Several scenarios side by side against one status quo (table, csv or json).")
                .WithExample("compare", "examples/us-japan/3-deal-15.yaml", "examples/us-japan/2-baseline-10.yaml", "--status-quo", "2025-05-30");
            c.AddCommand<ReplicateCommand>("replicate").WithDescription("Re-run a paper's published tables (jie2025).")
                .WithExample("replicate", "jie2025", "--format", "csv");
            c.AddCommand<NegotiateCommand>("negotiate").WithDescription("Price every package of a negotiation with a GE model: frontier, Nash/Kalai, ZOPA, rounds, offers.")
                .WithExample("negotiate", "examples/us-japan-2025.yaml", "--out", "report");
            c.AddCommand<EstimateCommand>("estimate").WithDescription("Estimate gravity regressions (OLS, PPML with high-dimensional fixed effects) from an estimation file.")
                .WithExample("estimate", "examples/yotov-table1.yaml", "--format", "csv");
            c.AddCommand<ServeCommand>("serve").WithDescription("Start the web workbench (scenario page, negotiation room, tariff explorer, HTTP API) on 127.0.0.1.")
                .WithExample("serve", "--port", "5000");
            c.AddBranch("gravity", g =>
            {
                g.SetDescription("Structural gravity in general equilibrium (gegravity-compatible and textbook variants, Monte Carlo).");
                g.AddCommand<GravitySimulateCommand>("simulate").WithDescription("Run a structural-gravity experiment file.")
                    .WithExample("gravity", "simulate", "examples/can-jpn-pta.yaml", "--format", "csv");
            });
            c.AddBranch("tariffs", t =>
            {
                t.SetDescription("The US statutory tariff schedule: rates by line, timelines, diffs, effective rates, supplier concentration.");
                t.AddCommand<TariffsRateCommand>("rate").WithDescription("Total rate and breakdown for a date, partner and HTS line.")
                    .WithExample("tariffs", "rate", "--date", "2025-05-01", "--country", "JPN", "--hts", "8703.23.01");
                t.AddCommand<TariffsTimelineCommand>("timeline").WithDescription("A line's rate for a partner across every revision.");
                t.AddCommand<TariffsDiffCommand>("diff").WithDescription("Lines that change between two dates, or between the schedule and an overlay.");
                t.AddCommand<TariffsEtrCommand>("etr").WithDescription("Import-weighted effective tariff rate, by partner, chapter, sector or authority.");
                t.AddCommand<TariffsExpandCommand>("expand").WithDescription("Expand the schedule (every HTS-8 line × partner × revision) into a DuckDB database for SQL joins.")
                    .WithExample("tariffs", "expand", "--partners", "JPN,KOR", "--out", "rates.duckdb");
                t.AddCommand<TariffsSecurityCommand>("security").WithDescription("Supplier concentration and tariffs for critical goods (rare earths, semiconductors).");
            });
            c.AddBranch("rounds", r =>
            {
                r.SetDescription("Negotiating rounds from the news: who met, where, for how long, on what, with what result and what next.");
                r.AddCommand<RoundsExtractCommand>("extract").WithDescription("Turn news articles (text or HTML) into round records, and optionally a proposed rounds: entry.")
                    .WithExample("rounds", "extract", "examples/news/us-japan-4th-round-2025-05-30.txt", "--published", "2025-05-30");
            });
            c.AddBranch("cluster", cl =>
            {
                cl.SetDescription("An Orleans cluster for sweeps (docs/cluster.md): silos join through PostgreSQL; 'simulate SWEEP --cluster CONN' sends work to them.");
                cl.AddCommand<ClusterSiloCommand>("silo").WithDescription("Start a silo that joins the cluster of a PostgreSQL database and runs work items until stopped.")
                    .WithExample("cluster", "silo", "--postgres", "Host=127.0.0.1;Port=55432;Username=parley;Password=parley;Database=parley");
            });
            c.AddBranch("workspace", w =>
            {
                w.SetDescription("The shared negotiation workspace: delegations keep their inputs private, offers are append-only (docs/workspace.md).");
                w.AddCommand<WorkspaceCreateCommand>("create").WithDescription("Price a negotiation file and store it as a new workspace.")
                    .WithExample("workspace", "create", "examples/us-japan-2025.yaml", "--name", "US-Japan 2025");
                w.AddCommand<WorkspaceInviteCommand>("invite").WithDescription("Print a one-time invitation link for a role (delegate:PARTY, mediator, observer).")
                    .WithExample("workspace", "invite", "WS", "--role", "delegate:USA", "--expires", "48h");
                w.AddCommand<WorkspaceExportCommand>("export").WithDescription("Write a workspace's record, private files and accounts to a folder.");
                w.AddCommand<WorkspaceRestoreCommand>("restore").WithDescription("Restore a workspace from an export folder.");
                w.AddCommand<WorkspaceServeCommand>("serve").WithDescription("Serve the workspace pages and API on 127.0.0.1.");
            });
            c.AddBranch("data", data =>
            {
                data.SetDescription("Build bundled datasets from their published sources, or import your own (docs/data-import.md).");
                data.AddCommand<BuildWiodCommand>("build-wiod").WithDescription("Regenerate data/wiod-2011 from the WIOD 2011 world input–output table.");
                data.AddCommand<BuildWorld2022Command>("build-world-2022").WithDescription("Regenerate data/world-2022: the WIOD 2011 table updated by GRAS to ADB MRIO 2022 and BACI 2023 (docs/world-2022.md).");
                data.AddCommand<BuildCp2015ElasticitiesCommand>("build-cp2015-elasticities").WithDescription("Recompute Caliendo & Parro (2015) Table 1 (sector θ and robust standard errors, 99% sample) from CP's estimation files.");
                data.AddCommand<DataImportCommand>("import").WithDescription("Turn long CSV files (flows + GDP, or an input–output table) into a dataset folder every verb reads.")
                    .WithExample("data", "import", "--kind", "one-sector", "--flows", "flows.csv", "--gdp", "gdp.csv", "--unit", "usd_millions", "--out", "my-world");
            });
        });
        try
        {
            CheckArguments(args);
            // Commands return 0 or throw; any other code is Spectre's own usage outcome (a branch such as `parley tariffs` given
            // without a command prints its help and returns 1): report it as a usage error.
            var code = app.Run(args);
            if (code == Ok) return Ok;
            error.WriteLine($"error: '{string.Join(' ', args)}' is not a complete command (run 'parley --help')");
            return InputError;
        }
        catch (AggregateException e) when (Unwrap(e) is { } inner)
        {
            // Parallel work (package pricing, Monte Carlo) wraps the error of the one task that failed; report its kind.
            return Report(inner, error);
        }
        catch (Exception e) when (e is ParleyInputException or EquilibriumNotConvergedException)
        {
            return Report(e, error);
        }
        catch (CommandParseException e)
        {
            error.WriteLine($"error: {e.Message} (run 'parley --help')");
            return InputError;
        }
        catch (CommandRuntimeException e)
        {
            error.WriteLine($"error: {e.Message} (run 'parley --help')");
            return InputError;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("PARLEY_DEBUG") is null)
        {
            error.WriteLine($"internal error: {e.GetType().Name}: {e.Message} (set PARLEY_DEBUG=1 for a stack trace)");
            return InternalError;
        }
    }

    /// <summary>"parley 0.1.0 (commit 0123456789ab)" from the assembly's informational version (0.1.0+commit, stamped at build).</summary>
    internal static string VersionLine()
    {
        var info = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var plus = info.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? $"parley {info} (commit unknown)" : $"parley {info[..plus]} (commit {info[(plus + 1)..]})";
    }

    private static int Report(Exception e, TextWriter error)
    {
        error.WriteLine($"error: {e.Message}");
        return e is EquilibriumNotConvergedException ? NotConverged : InputError;
    }

    /// <summary>The first input or non-convergence error inside an aggregate (input errors first: they are the user's to fix).</summary>
    internal static Exception? Unwrap(AggregateException e)
    {
        var all = e.Flatten().InnerExceptions;
        return all.FirstOrDefault(x => x is ParleyInputException) ?? all.FirstOrDefault(x => x is EquilibriumNotConvergedException);
    }

    /// <summary>A NUL or other control character in an argument (a path, a code) is an input error, before anything runs.</summary>
    private static void CheckArguments(string[] args)
    {
        for (var k = 0; k < args.Length; k++)
            if (args[k].Any(char.IsControl))
                throw new ParleyInputException("(command line)", null, $"argument {k + 1}", string.Concat(args[k].Select(ch => char.IsControl(ch) ? $"\\u{(int)ch:x4}" : ch.ToString())),
                    "text without control characters such as NUL");
    }
}
