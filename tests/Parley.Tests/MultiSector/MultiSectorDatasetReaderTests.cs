using Parley.Data;
using Xunit;

namespace Parley.Tests.MultiSector;

public class MultiSectorDatasetReaderTests
{
    private static string CopyCp2015(TempFolder tmp)
    {
        var target = Path.Combine(tmp.Path, "cp");
        Directory.CreateDirectory(target);
        foreach (var f in Directory.GetFiles(Path.Combine(BundledData.Root, "cp2015-nafta")))
            File.Copy(f, Path.Combine(target, Path.GetFileName(f)));
        return target;
    }

    private static void Edit(string file, int line, Func<string, string> change)
    {
        var lines = File.ReadAllLines(file);
        lines[line - 1] = change(lines[line - 1]);
        File.WriteAllLines(file, lines);
    }

    [Fact]
    public void Bundled_cp2015_reads_with_documented_sizes()
    {
        var d = MultiSectorDatasetReader.Read(Path.Combine(BundledData.Root, "cp2015-nafta"));
        Assert.Equal(31, d.N);
        Assert.Equal(40, d.J);
        Assert.Equal(["tariff_1993", "tariff_2005", "tariff_nafta_scenario"], d.TariffSets.Keys.Order());
        Assert.Equal("Auto", d.FindSector("auto")!.Name);
        Assert.Equal("Machinery n.e.c", d.FindSector("machinery-n-e-c")!.Name);
        Assert.Equal(8.22, d.FindSector("Auto")!.TradeElasticity);
    }

    [Fact]
    public void Negative_flow_is_rejected_with_line_and_field()
    {
        using var tmp = new TempFolder();
        var dir = CopyCp2015(tmp);
        Edit(Path.Combine(dir, "trade_flows_1993.csv"), 3, l => l[..(l.LastIndexOf(',') + 1)] + "-5");
        var e = Assert.Throws<ParleyInputException>(() => MultiSectorDatasetReader.Read(dir));
        Assert.Equal(3, e.LineNumber);
        Assert.Equal("value_usd", e.Field);
        Assert.Contains("non-negative", e.Message);
    }

    [Fact]
    public void Final_demand_shares_not_summing_to_one_are_rejected()
    {
        using var tmp = new TempFolder();
        var dir = CopyCp2015(tmp);
        Edit(Path.Combine(dir, "final_demand_1993.csv"), 2, l => l[..(l.LastIndexOf(',') + 1)] + "0.5");
        var e = Assert.Throws<ParleyInputException>(() => MultiSectorDatasetReader.Read(dir));
        Assert.Equal("alpha", e.Field);
        Assert.Contains("ARG", e.Message);
        Assert.Contains("summing to 1", e.Message);
    }

    [Fact]
    public void Input_shares_not_summing_to_one_with_value_added_are_rejected()
    {
        using var tmp = new TempFolder();
        var dir = CopyCp2015(tmp);
        Edit(Path.Combine(dir, "value_added_1993.csv"), 2, l => l[..(l.LastIndexOf(',') + 1)] + "0.9");
        var e = Assert.Throws<ParleyInputException>(() => MultiSectorDatasetReader.Read(dir));
        Assert.Contains("va_share + Σ inputs", e.Message);
    }

    [Fact]
    public void Missing_sector_rows_are_named()
    {
        using var tmp = new TempFolder();
        var dir = CopyCp2015(tmp);
        var file = Path.Combine(dir, "final_demand_1993.csv");
        File.WriteAllLines(file, File.ReadAllLines(file).Where((_, k) => k != 5));
        var e = Assert.Throws<ParleyInputException>(() => MultiSectorDatasetReader.Read(dir));
        Assert.Equal("region,sector", e.Field);
        Assert.Contains("missing", e.Message);
    }

    [Fact]
    public void Unknown_sector_and_bad_manifest_are_rejected()
    {
        using var tmp = new TempFolder();
        var dir = CopyCp2015(tmp);
        Edit(Path.Combine(dir, "trade_flows_1993.csv"), 2, l => l.Replace("\"Agriculture\"", "\"Agricultre\""));
        var e = Assert.Throws<ParleyInputException>(() => MultiSectorDatasetReader.Read(dir));
        Assert.Equal("sector", e.Field);
        Assert.Equal("Agricultre", e.Value);

        var dir2 = CopyCp2015(new TempFolder());
        File.AppendAllText(Path.Combine(dir2, "dataset.yaml"), "base_tarifs: x\n");
        var m = Assert.Throws<ParleyInputException>(() => MultiSectorDatasetReader.Read(dir2));
        Assert.Equal("base_tarifs", m.Field);
    }
}
