using System.Diagnostics;
using Parley.Data;
using Parley.Models.MultiSector;

namespace Parley.Bench;

internal static class Cp2015Quick
{
    public static void Run()
    {
        var sw = Stopwatch.StartNew();
        var d = MultiSectorDatasetReader.Read(Path.Combine(BundledData.Root, "cp2015-nafta"));
        Console.WriteLine($"read: {sw.ElapsedMilliseconds} ms");
        for (var rep = 0; rep < 3; rep++)
        {
            sw.Restart();
            var r = MultiSectorExperiment.Run("nafta", d, d.TariffSets["tariff_1993"], d.TariffSets["tariff_nafta_scenario"], MultiSectorDeficits.Zero);
            Console.WriteLine($"experiment: {sw.ElapsedMilliseconds} ms; {r.Baseline.Diagnostics}; {r.Counterfactual.Diagnostics}");
            foreach (var iso in new[] { "MEX", "CAN", "USA" })
            {
                var o = r.Regions.First(x => x.Iso3 == iso);
                Console.WriteLine($"  {iso} welfare {o.Welfare:F6} tot {o.TermsOfTrade:F6} vot {o.VolumeOfTrade:F6} realwage {o.RealWage:F6}");
            }
        }
    }
}
