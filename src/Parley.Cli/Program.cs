using Parley.Cli.Commands;
using Parley.Models.Numerics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli;

/// <summary>The <c>parley</c> command. Exit codes: 0 success, 1 internal error, 2 bad input or usage, 3 solver did not converge.</summary>
internal static class Program
{
    public const int Ok = 0, InternalError = 1, InputError = 2, NotConverged = 3;

    public static int Main(string[] args) => Run(args, AnsiConsole.Console, Console.Error);

    /// <summary>Runs the CLI against a console (tests pass a recording console).</summary>
    public static int Run(string[] args, IAnsiConsole console, TextWriter error)
    {
        AnsiConsoleAccessor.Console = console;
        var app = new CommandApp();
        app.Configure(c =>
        {
            c.SetApplicationName("parley");
            c.ConfigureConsole(console);
            c.PropagateExceptions();
            c.AddCommand<DemoCommand>("demo").WithDescription("Run the bundled Liberation Day and US–Japan scenarios and print a comparison.");
            c.AddCommand<SimulateCommand>("simulate").WithDescription("Solve a scenario file; print a table and optionally write CSV/JSON/HTML.")
                .WithExample("simulate", "examples/liberation-day.yaml", "--out", "out/liberation-day");
            c.AddCommand<ReplicateCommand>("replicate").WithDescription("Re-run a paper's published tables (jie2025).")
                .WithExample("replicate", "jie2025", "--format", "csv");
            c.AddBranch("data", data =>
            {
                data.SetDescription("Build bundled datasets from their published sources.");
                data.AddCommand<BuildWiodCommand>("build-wiod").WithDescription("Regenerate data/wiod-2011 from the WIOD 2011 world input–output table.");
            });
        });
        try
        {
            return app.Run(args);
        }
        catch (ParleyInputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return InputError;
        }
        catch (EquilibriumNotConvergedException e)
        {
            error.WriteLine($"error: {e.Message}");
            return NotConverged;
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
}
