using Spectre.Console;

namespace Parley.Tests.Cli;

/// <summary>A Spectre console for tests: no colours, no ANSI, not interactive, a fixed width, writing to a string.</summary>
internal static class PlainConsole
{
    /// <summary>A console of <paramref name="width"/> columns writing into <paramref name="output"/>.</summary>
    public static IAnsiConsole Create(TextWriter output, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }

    /// <summary>Runs the CLI in-process at <paramref name="width"/> columns: exit code, stdout and stderr.</summary>
    public static (int Code, string Out, string Err) Run(int width, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Parley.Cli.Program.Run(args, Create(stdout, width), stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
