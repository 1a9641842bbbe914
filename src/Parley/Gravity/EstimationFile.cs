using System.Globalization;
using Parley.Internals;

using Parley.Models.Estimation;

namespace Parley.Gravity;

/// <summary>An estimation file: data, derived variables, sample filters and the columns (regressions) of a table.</summary>
/// <param name="Name">Table title.</param>
/// <param name="Columns">Regressions, in column order.</param>
/// <param name="DataSource">Data file used.</param>
public sealed record EstimationSpec(string Name, IReadOnlyList<RegressionInput> Columns, string DataSource);

/// <summary>
/// Reads estimation YAML (example: <c>examples/yotov-table1.yaml</c>). Data columns are read by name; derived variables are
/// <c>log(column)</c> or a plain column; a gravity panel (<c>panel:</c> naming exporter, importer, year, trade, distance)
/// adds the built-ins <c>output</c> (Σ_j trade by exporter-year, domestic included), <c>expenditure</c> (Σ_i by
/// importer-year), <c>remoteness_exporter</c> = Σ_j dist_ij /(E_jt/Y_t) and <c>remoteness_importer</c> = Σ_i dist_ij /(Y_it/Y_t),
/// computed on the year-filtered panel before per-column sample rules.
/// </summary>
public static class EstimationFile
{
    private static readonly Dictionary<string, EstimationMethod> Methods = new() { ["ols"] = EstimationMethod.Ols, ["ppml"] = EstimationMethod.Ppml };

    private static readonly Dictionary<string, SingletonPolicy> Singletons = new() { ["error"] = SingletonPolicy.Error, ["drop"] = SingletonPolicy.Drop };

    private static readonly Dictionary<string, VceConvention> Vces = new() { ["stata"] = VceConvention.Stata, ["fixest"] = VceConvention.Fixest };

    /// <summary>Reads the file and its data; every error names file, line and key (or the data file, line and column).</summary>
    public static EstimationSpec Read(string path)
    {
        var root = YamlMap.Load(path);
        var name = root.RequiredString("name", "a table name");
        var dataKey = root.RequiredString("data", "a bundled dataset name (agtpa-2016, gegravity-sample) or a CSV file");
        var dataPath = dataKey switch
        {
            "agtpa-2016" => Path.Combine(Parley.Data.BundledData.Root, "agtpa-2016", "agtpa_applications.csv.gz"),
            "gegravity-sample" => Path.Combine(Parley.Data.BundledData.Root, "gegravity-sample", "sample_data_set.csv"),
            _ => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, dataKey)),
        };
        var table = ColumnarCsv.Read(dataPath);
        var rows = Enumerable.Range(0, table.RowCount).ToArray();
        var codes = new Dictionary<int, (int[] Codes, string[] Texts)>();
        (int[] Codes, string[] Texts) CodesOf(int column) => codes.TryGetValue(column, out var c) ? c : codes[column] = table.Codes(column);
        if (root.Map("filters") is { } f)
        {
            if (f.Codes("years") is { } years)
            {
                var (yearCodes, yearTexts) = CodesOf(table.ColumnIndex("year"));
                var set = years.Select(y => y.Value).ToHashSet();
                var keepCode = yearTexts.Select(set.Contains).ToArray();
                rows = rows.Where(r => keepCode[yearCodes[r]]).ToArray();
            }
            f.RejectUnknownKeys();
        }
        double[] Num(string column) => table.Numbers(table.ColumnIndex(column), rows);
        var builtins = new Dictionary<string, double[]>();
        (string Exp, string Imp, string Year, string Trade, string Dist)? panel = null;
        if (root.Map("panel") is { } pm)
        {
            panel = (pm.String("exporter") ?? "exporter", pm.String("importer") ?? "importer", pm.String("year") ?? "year", pm.String("trade") ?? "trade", pm.String("distance") ?? "dist");
            pm.RejectUnknownKeys();
            var p = panel.Value;
            var trade = Num(p.Trade);
            for (var k = 0; k < rows.Length; k++)
                if (trade[k] < 0) throw new ParleyInputException(dataPath, table.Line(rows[k]), p.Trade, trade[k].ToString(CultureInfo.InvariantCulture), "non-negative trade");
            var dist = Num(p.Dist);
            var years = Select(CodesOf(table.ColumnIndex(p.Year)).Codes, rows);
            var ey = Combine([Select(CodesOf(table.ColumnIndex(p.Exp)).Codes, rows), years]);
            var iy = Combine([Select(CodesOf(table.ColumnIndex(p.Imp)).Codes, rows), years]);
            builtins = PanelBuiltins(trade, dist, ey, iy, years);
        }
        double[] Column(string column, string key, int line) =>
            builtins.TryGetValue(column, out var b) ? b
            : Array.IndexOf(table.Header, column) >= 0 ? Num(column)
            : throw new ParleyInputException(path, line, key, column, $"a column of {Path.GetFileName(dataPath)} ({string.Join(", ", table.Header)}) or a built-in ({string.Join(", ", builtins.Keys)})");
        var variables = new Dictionary<string, double[]>();
        if (root.Map("variables") is { } vm)
        {
            foreach (var key in VariableKeys(path, vm))
            {
                var expr = vm.RequiredString(key.Name, "an expression: a column or log(column)").Trim();
                if (expr.StartsWith("log(", StringComparison.Ordinal) && expr.EndsWith(')'))
                {
                    var col = Column(expr[4..^1].Trim(), "variables." + key.Name, key.Line);
                    variables[key.Name] = col.Select(v => v > 0 ? Math.Log(v) : double.NaN).ToArray();
                }
                else variables[key.Name] = Column(expr, "variables." + key.Name, key.Line);
            }
            vm.RejectUnknownKeys(VariableKeys(path, vm).Select(k => k.Name).ToArray());
        }
        double[] Variable(string v, string key, int line) => variables.TryGetValue(v, out var x) ? x : Column(v, key, line);

        var columns = new List<RegressionInput>();
        foreach (var c in root.MapList("columns"))
        {
            var cname = c.RequiredString("name", "a column name, e.g. name: \"1\"");
            var method = c.Enum("method", Methods) ?? EstimationMethod.Ols;
            var dep = c.RequiredString("dependent", "the dependent variable");
            var y = Variable(dep, $"{c.Path}.dependent", c.Line);
            var regressors = (c.Codes("regressors") ?? throw c.Error("regressors", null, null, "a list of regressors"))
                .Select(r => (r.Value, Variable(r.Value, $"{c.Path}.regressors", r.Line))).ToArray();
            var feNames = c.Codes("fixed_effects")?.Select(x => x.Value).ToArray() ?? [];
            var clusterNames = c.Codes("cluster") ?? [];
            if (clusterNames.Count > 3) throw c.Error("cluster", null, string.Join(", ", clusterNames.Select(x => x.Value)), "one column, or a list of two or three columns for multi-way clustering");
            var intercept = c.Bool("intercept") ?? feNames.Length == 0;
            var singletons = c.Enum("singletons", Singletons) ?? SingletonPolicy.Error;
            var vce = c.Enum("vce", Vces) ?? VceConvention.Stata;
            var keep = Enumerable.Range(0, rows.Length).ToList();
            if (c.Map("sample") is { } s)
            {
                if (s.Bool("drop_domestic") == true)
                {
                    if (panel is not { } pp) throw s.Error("drop_domestic", null, "true", "a 'panel:' mapping naming exporter and importer columns");
                    var (exp, expTexts) = CodesOf(table.ColumnIndex(pp.Exp));
                    var (imp, impTexts) = CodesOf(table.ColumnIndex(pp.Imp));
                    keep = keep.Where(k => expTexts[exp[rows[k]]] != impTexts[imp[rows[k]]]).ToList();
                }
                if (s.Bool("drop_zero") == true)
                {
                    if (panel is not { } pz) throw s.Error("drop_zero", null, "true", "a 'panel:' mapping naming the trade column");
                    var positive = Num(pz.Trade);
                    keep = keep.Where(k => positive[k] > 0).ToList();
                }
                s.RejectUnknownKeys();
            }
            keep = keep.Where(k => double.IsFinite(y[k]) && regressors.All(r => double.IsFinite(r.Item2[k]))).ToList();
            var fixedEffects = feNames.Select(fe => (fe, Codes(fe.Split('-').Select(part =>
            {
                if (Array.IndexOf(table.Header, part) < 0)
                    throw c.Error("fixed_effects", null, part, $"columns of {Path.GetFileName(dataPath)} joined by '-', e.g. exporter-year");
                return CodesOf(table.ColumnIndex(part)).Codes;
            }).ToArray(), keep, rows))).ToArray();
            var cluster = clusterNames.Select(cn => Array.IndexOf(table.Header, cn.Value) < 0
                ? throw c.Error("cluster", null, cn.Value, $"a column of {Path.GetFileName(dataPath)}")
                : Codes([CodesOf(table.ColumnIndex(cn.Value)).Codes], keep, rows)).ToArray();
            c.RejectUnknownKeys();
            columns.Add(new RegressionInput(cname, method, keep.Select(k => y[k]).ToArray(),
                regressors.Select(r => (r.Value, keep.Select(k => r.Item2[k]).ToArray())).ToArray(), fixedEffects, cluster, intercept, singletons, vce,
                dataPath, keep.Select(k => table.Line(rows[k])).ToArray()));
        }
        if (columns.Count == 0) throw root.Error("columns", null, null, "at least one column");
        root.RejectUnknownKeys();
        return new EstimationSpec(name, columns, dataPath);
    }

    private static IReadOnlyList<(string Name, int Line)> VariableKeys(string path, YamlMap map) => map.Keys();

    /// <summary>Dense level ids (first appearance over the kept rows) of the combination of the parts' codes.</summary>
    private static int[] Codes(int[][] parts, List<int> keep, int[] rows) =>
        Combine(parts.Select(p => keep.Select(k => p[rows[k]]).ToArray()).ToArray());

    private static int[] Select(int[] codes, int[] rows) => rows.Select(r => codes[r]).ToArray();

    /// <summary>Dense ids, in order of first appearance, of the tuples (parts[0][k], parts[1][k], …).</summary>
    private static int[] Combine(int[][] parts)
    {
        var n = parts[0].Length;
        var ids = new int[n];
        if (parts.Length == 1)
        {
            // Codes of one column are already dense (0 … distinct texts − 1): renumber over the kept rows with an array.
            var slot = new int[n == 0 ? 0 : parts[0].Max() + 1];
            Array.Fill(slot, -1);
            var levels = 0;
            for (var k = 0; k < n; k++)
            {
                ref var s = ref slot[parts[0][k]];
                if (s < 0) s = levels++;
                ids[k] = s;
            }
            return ids;
        }
        // Up to four parts form one key; with more, the leading ones are first combined into one id.
        int[][] folded = parts.Length <= 4 ? parts : [Combine(parts[..^3]), .. parts[^3..]];
        var map = new Dictionary<(int, int, int, int), int>();
        var key = new int[4];
        for (var k = 0; k < n; k++)
        {
            for (var g = 0; g < 4; g++) key[g] = g < folded.Length ? folded[g][k] : 0;
            var t = (key[0], key[1], key[2], key[3]);
            if (!map.TryGetValue(t, out ids[k])) map[t] = ids[k] = map.Count;
        }
        return ids;
    }

    /// <summary>The gravity built-ins (see the class summary), summed in row order over exporter-year, importer-year and year ids.</summary>
    private static Dictionary<string, double[]> PanelBuiltins(double[] trade, double[] dist, int[] ey, int[] iy, int[] years)
    {
        var output = new double[ey.Length == 0 ? 0 : ey.Max() + 1];
        var expenditure = new double[iy.Length == 0 ? 0 : iy.Max() + 1];
        var world = new double[years.Length == 0 ? 0 : years.Max() + 1];
        for (var k = 0; k < trade.Length; k++)
        {
            output[ey[k]] += trade[k];
            expenditure[iy[k]] += trade[k];
            world[years[k]] += trade[k];
        }
        var remExp = new double[output.Length];
        var remImp = new double[expenditure.Length];
        for (var k = 0; k < trade.Length; k++)
        {
            remExp[ey[k]] += dist[k] / (expenditure[iy[k]] / world[years[k]]);
            remImp[iy[k]] += dist[k] / (output[ey[k]] / world[years[k]]);
        }
        return new Dictionary<string, double[]>
        {
            ["output"] = ey.Select(k => output[k]).ToArray(),
            ["expenditure"] = iy.Select(k => expenditure[k]).ToArray(),
            ["remoteness_exporter"] = ey.Select(k => remExp[k]).ToArray(),
            ["remoteness_importer"] = iy.Select(k => remImp[k]).ToArray(),
        };
    }
}
