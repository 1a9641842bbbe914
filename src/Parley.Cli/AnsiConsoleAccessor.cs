using Spectre.Console;

namespace Parley.Cli;

/// <summary>The console the current run writes to (tests swap in a recording console).</summary>
internal static class AnsiConsoleAccessor
{
    private static readonly AsyncLocal<IAnsiConsole?> s_console = new();

    public static IAnsiConsole Console
    {
        get => s_console.Value ?? AnsiConsole.Console;
        set => s_console.Value = value;
    }
}
