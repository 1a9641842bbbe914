using BenchmarkDotNet.Running;

namespace Parley.Bench;

internal static class Program
{
    private static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--synthetic")
        {
            SyntheticPanel.Run();
            return;
        }
        if (args.Length > 1 && args[0] == "--gravity")
        {
            GravityQuick.Run(args[1]);
            return;
        }
        if (args.Length > 1 && args[0] == "--estimate")
        {
            EstimateQuick.Run(args[1]);
            return;
        }
        if (args.Length > 1 && args[0] == "--negdebug")
        {
            NegotiateDebug.Run(args[1]);
            return;
        }
        if (args.Length > 1 && args[0] == "--negotiate")
        {
            NegotiateQuick.Run(args[1]);
            return;
        }
        if (args.Length > 0 && args[0] == "--expand")
        {
            ExpandFull.Run();
            return;
        }
        if (args.Length > 0 && args[0] == "--etrprobe")
        {
            EtrProbe.Run();
            return;
        }
        if (args.Length > 0 && args[0] == "--tariffs")
        {
            TariffQuick.Run();
            return;
        }
        if (args.Length > 0 && args[0] == "--wiod")
        {
            WiodQuick.Run();
            return;
        }
        if (args.Length > 0 && args[0] == "--cp2015")
        {
            Cp2015Quick.Run();
            return;
        }
        if (args.Length > 0 && args[0] == "--components")
        {
            ComponentTiming.Run();
            return;
        }
        if (args.Length > 0 && args[0] == "--quick")
        {
            QuickTiming.Run();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
