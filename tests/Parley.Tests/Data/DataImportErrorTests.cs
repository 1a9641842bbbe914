using Parley.Tests.Cli;
using Xunit;

namespace Parley.Tests.Data;

/// <summary>
/// Every bad input to `parley data import` is exit 2 with one line naming file, line, field, value and expectation,
/// and leaves no output folder behind. Each case corrupts one copy of the shipped example inputs.
/// </summary>
public class DataImportErrorTests
{
    private static string Example(string path) => Path.Combine(AppContext.BaseDirectory, "examples", "import", path);

    /// <summary>(kind, file edited, line (1-based) replaced or -1 to append, new text, extra arguments, expected fragments).</summary>
    public static TheoryData<string, string, int, string, string, string[]> Cases => new()
    {
        // one-sector: flows
        { "one-sector", "flows.csv", 7, "", "", ["flows.csv", "'exporter,importer' = 'KOR,JPN'", "a row for every ordered pair", "--missing-pairs zero"] },
        { "one-sector", "flows.csv", 2, "USA,JPN,-75683,USD millions", "", ["flows.csv:2", "'value' = '-75683'", "non-negative"] },
        { "one-sector", "flows.csv", 2, "USA,XYZ,75683,USD millions", "", ["flows.csv:2", "'importer' = 'XYZ'", "a country listed in gdp.csv"] },
        { "one-sector", "flows.csv", -1, "USA,JPN,1,USD millions", "", ["flows.csv:8", "'exporter,importer' = 'USA,JPN'", "each exporter–importer pair once"] },
        { "one-sector", "flows.csv", 2, "USA,JPN,75683,USD thousands", "--unit|USD millions", ["flows.csv:2", "'unit' = 'USD thousands'", "the unit stated by --unit (USD millions)"] },
        { "one-sector", "flows.csv", 2, "USA,JPN,75683,EUR millions", "", ["flows.csv:2", "'unit' = 'EUR millions'", "a money unit"] },
        { "one-sector", "flows.csv", 2, "USA,USA,5,USD millions", "", ["flows.csv:2", "'importer' = 'USA'", "an importer other than the exporter"] },
        { "one-sector", "gdp.csv", 3, "JPN,Japan,4213,USD millions", "", ["flows.csv", "'value' = 'JPN: exports USD", "exports at most GDP", "unit mistake"] },
        { "one-sector", "gdp.csv", 2, "USA,United States,27361,USD trillions", "", ["gdp.csv:2", "'unit' = 'USD trillions'", "a money unit"] },
        { "one-sector", "gdp.csv", 3, "USA,Japan,4213,USD billions", "", ["gdp.csv:3", "'iso3' = 'USA'", "each country once"] },
        { "one-sector", "gdp.csv", 2, "US,United States,27361,USD billions", "", ["gdp.csv:2", "'iso3' = 'US'", "three-letter code"] },
        { "one-sector", "tariffs.csv", 2, "JPN,24", "", ["tariffs.csv:2", "'us_tariff' = '24'", "a bare number above 1 reads as a percent"] },
        { "one-sector", "tariffs.csv", 3, "", "", ["tariffs.csv", "'exporter' = 'KOR'", "a row for every exporter other than USA"] },
        { "one-sector", "groups.csv", 2, "EASTASIA,CHN", "", ["groups.csv:2", "'iso3' = 'CHN'", "a country code of the dataset"] },
        // multi-sector: table
        { "multi-sector", "table.csv", 2, "USA,USA,G,G,-6584.5,USD billions", "", ["table.csv:2", "'value' = '-6584.5'", "non-negative"] },
        { "multi-sector", "table.csv", 2, "USA,CHN,G,G,6584.5,USD billions", "", ["table.csv:2", "'importer' = 'CHN'", "a region code: USA, JPN, KOR"] },
        { "multi-sector", "table.csv", 2, "USA,USA,X,G,6584.5,USD billions", "", ["table.csv:2", "'sector' = 'X'", "a sector code of the sectors file: G, S"] },
        { "multi-sector", "table.csv", 2, "USA,USA,G,households,6584.5,USD billions", "", ["table.csv:2", "'use' = 'households'", "'final' or a sector code"] },
        { "multi-sector", "table.csv", -1, "USA,USA,G,G,1,USD billions", "", ["table.csv:56", "'exporter,importer,sector,use' = 'USA,USA,G,G'", "each exporter–importer–sector–use once"] },
        { "multi-sector", "table.csv", 2, "USA,USA,G,G,6584.5,USD millions", "--unit|USD billions", ["table.csv:2", "'unit' = 'USD millions'", "the unit stated by --unit (USD billions)"] },
        { "multi-sector", "table.csv", 20, "JPN,USA,G,G,20000,USD billions", "", ["table.csv", "'use' = 'USA/G: inputs", "value added is positive", "do not balance"] },
        { "multi-sector", "sectors.csv", 3, "S,Services,0,TRUE", "", ["sectors.csv:3", "'theta' = '0'", "a positive trade elasticity"] },
        { "multi-sector", "sectors.csv", 3, "G,Services,8.22,TRUE", "", ["sectors.csv:3", "'code' = 'G'", "each sector code once"] },
        { "multi-sector", "tariffs.csv", 2, "USA,USA,G,1.5%", "", ["tariffs.csv:2", "'tariff' = '1.5%'", "0 on domestic sales"] },
        { "multi-sector", "tariffs.csv", 2, "USA,JPN,G,15", "", ["tariffs.csv:2", "'tariff' = '15'", "fraction (0.15 = 15%)"] },
        { "multi-sector", "regions.csv", 4, "KOR,Japan", "", ["regions.csv:4", "'name' = 'Japan'", "each region name once"] },
        // given value added that disagrees with the table
        { "multi-sector", "va.csv", 0, "region,sector,value_added,unit\nUSA,G,5421.4456,USD billions\nUSA,S,21432.9562,USD billions\nJPN,G,1065.9725,USD billions\nJPN,S,3213.87,USD billions\nKOR,G,499.737,USD billions\nKOR,S,1300,USD billions",
            "--value-added|VA", ["va.csv:7", "'value_added' = '1300'", "gross output − inputs for KOR/S, 1.26065E+06 USD millions", "do not balance"] },
        { "multi-sector", "deficits.csv", 0, "region,deficit,unit\nUSA,143.9,USD billions\nJPN,-81.8,USD billions\nKOR,-72.1,USD billions",
            "--deficits|DEF", ["deficits.csv:4", "'deficit' = '-72.1'", "imports − exports for KOR, -62100 USD millions"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_is_one_exit_2_line_naming_file_line_field_value_and_expectation(string kind, string file, int line, string text, string extra, string[] expected)
    {
        using var tmp = new TempFolder();
        var inputs = Path.Combine(tmp.Path, "inputs");
        Directory.CreateDirectory(inputs);
        foreach (var f in Directory.GetFiles(Example(kind))) File.Copy(f, Path.Combine(inputs, Path.GetFileName(f)));
        var path = Path.Combine(inputs, file);
        if (line == 0) File.WriteAllText(path, text + "\n");
        else
        {
            var lines = File.ReadAllLines(path).ToList();
            if (line < 0) lines.Add(text);
            else if (text.Length == 0) lines.RemoveAt(line - 1);
            else lines[line - 1] = text;
            File.WriteAllLines(path, lines);
        }
        string I(string name) => Path.Combine(inputs, name);
        var args = kind == "one-sector"
            ? new List<string> { "data", "import", "--kind", kind, "--flows", I("flows.csv"), "--gdp", I("gdp.csv"), "--tariffs", I("tariffs.csv"), "--groups", I("groups.csv") }
            : ["data", "import", "--kind", kind, "--table", I("table.csv"), "--sectors", I("sectors.csv"), "--regions", I("regions.csv"), "--tariffs", I("tariffs.csv")];
        if (extra.Length > 0) args.AddRange(extra.Split('|').Select(a => a switch { "VA" => I("va.csv"), "DEF" => I("deficits.csv"), _ => a }));
        var outDir = Path.Combine(tmp.Path, "out");
        args.AddRange(["--out", outDir]);

        var (code, _, err) = CliTests.Run([.. args]);
        Assert.Equal(2, code);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        foreach (var fragment in expected) Assert.Contains(fragment, err);
        Assert.False(Directory.Exists(outDir), "a failed import leaves no output folder");
        Assert.Empty(Directory.GetDirectories(tmp.Path, ".out.parley-*"));
    }

    [Fact]
    public void Import_never_writes_into_a_folder_holding_the_users_own_files()
    {
        using var tmp = new TempFolder();
        var mine = tmp.Write("mine/notes.txt", "my notes");
        var (code, _, err) = CliTests.Run("data", "import", "--kind", "one-sector", "--flows", Example("one-sector/flows.csv"),
            "--gdp", Example("one-sector/gdp.csv"), "--out", Path.GetDirectoryName(mine)!);
        Assert.Equal(2, code);
        Assert.Contains("notes.txt", err);
        Assert.Equal("my notes", File.ReadAllText(mine));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(mine)!));
    }

    [Fact]
    public void Import_replaces_its_own_earlier_run_and_the_options_must_fit_the_kind()
    {
        using var tmp = new TempFolder();
        var outDir = Path.Combine(tmp.Path, "world");
        string[] args = ["data", "import", "--kind", "one-sector", "--flows", Example("one-sector/flows.csv"), "--gdp", Example("one-sector/gdp.csv"), "--out", outDir];
        Assert.Equal(0, CliTests.Run(args).Code);
        var (code, stdout, err) = CliTests.Run(args);
        Assert.True(code == 0, err);
        Assert.Contains("WorldDatasetReader.ReadDirectory: 3 countries", stdout);
        Assert.False(File.Exists(Path.Combine(outDir, "tariffs.csv")));

        var wrong = CliTests.Run("data", "import", "--kind", "one-sector", "--table", Example("multi-sector/table.csv"), "--out", outDir);
        Assert.Equal(2, wrong.Code);
        Assert.Contains("'--table'", wrong.Err);
        var kind = CliTests.Run("data", "import", "--kind", "three-sector", "--out", outDir);
        Assert.Contains("'--kind' = 'three-sector': expected one-sector or multi-sector", kind.Err);
        var missing = CliTests.Run("data", "import", "--kind", "one-sector", "--flows", Example("one-sector/flows.csv"),
            "--gdp", Example("one-sector/gdp.csv"), "--missing-pairs", "maybe", "--out", outDir);
        Assert.Contains("'--missing-pairs' = 'maybe'", missing.Err);
    }
}
