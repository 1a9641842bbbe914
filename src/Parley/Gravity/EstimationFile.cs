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
        var table = CsvTable.Read(dataPath);
        var rows = table.Rows.ToList();
        if (root.Map("filters") is { } f)
        {
            if (f.Codes("years") is { } years)
            {
                var yearCol = table.Column("year");
                var set = years.Select(y => y.Value).ToHashSet();
                rows = rows.Where(r => set.Contains(table.Field(r, yearCol))).ToList();
            }
            f.RejectUnknownKeys();
        }
        string Text(CsvRow r, string column) => table.Field(r, table.Column(column));
        double Num(CsvRow r, string column) => table.Number(r, table.Column(column));
        var builtins = new Dictionary<string, double[]>();
        (string Exp, string Imp, string Year, string Trade, string Dist)? panel = null;
        if (root.Map("panel") is { } pm)
        {
            panel = (pm.String("exporter") ?? "exporter", pm.String("importer") ?? "importer", pm.String("year") ?? "year", pm.String("trade") ?? "trade", pm.String("distance") ?? "dist");
            pm.RejectUnknownKeys();
            var p = panel.Value;
            var trade = rows.Select(r => Num(r, p.Trade)).ToArray();
            for (var k = 0; k < rows.Count; k++)
                if (trade[k] < 0) throw new ParleyInputException(dataPath, rows[k].LineNumber, p.Trade, trade[k].ToString(CultureInfo.InvariantCulture), "non-negative trade");
            var dist = rows.Select(r => Num(r, p.Dist)).ToArray();
            var ey = rows.Select(r => Text(r, p.Exp) + "|" + Text(r, p.Year)).ToArray();
            var iy = rows.Select(r => Text(r, p.Imp) + "|" + Text(r, p.Year)).ToArray();
            var years = rows.Select(r => Text(r, p.Year)).ToArray();
            var output = new Dictionary<string, double>();
            var expenditure = new Dictionary<string, double>();
            var world = new Dictionary<string, double>();
            for (var k = 0; k < rows.Count; k++)
            {
                output[ey[k]] = output.GetValueOrDefault(ey[k]) + trade[k];
                expenditure[iy[k]] = expenditure.GetValueOrDefault(iy[k]) + trade[k];
                world[years[k]] = world.GetValueOrDefault(years[k]) + trade[k];
            }
            var remExp = new Dictionary<string, double>();
            var remImp = new Dictionary<string, double>();
            for (var k = 0; k < rows.Count; k++)
            {
                remExp[ey[k]] = remExp.GetValueOrDefault(ey[k]) + dist[k] / (expenditure[iy[k]] / world[years[k]]);
                remImp[iy[k]] = remImp.GetValueOrDefault(iy[k]) + dist[k] / (output[ey[k]] / world[years[k]]);
            }
            builtins["output"] = ey.Select(k => output[k]).ToArray();
            builtins["expenditure"] = iy.Select(k => expenditure[k]).ToArray();
            builtins["remoteness_exporter"] = ey.Select(k => remExp[k]).ToArray();
            builtins["remoteness_importer"] = iy.Select(k => remImp[k]).ToArray();
        }
        double[] Column(string column, string key, int line) =>
            builtins.TryGetValue(column, out var b) ? b
            : Array.IndexOf(table.Header, column) >= 0 ? rows.Select(r => Num(r, column)).ToArray()
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
            var keep = Enumerable.Range(0, rows.Count).ToList();
            if (c.Map("sample") is { } s)
            {
                if (s.Bool("drop_domestic") == true)
                {
                    if (panel is not { } pp) throw s.Error("drop_domestic", null, "true", "a 'panel:' mapping naming exporter and importer columns");
                    keep = keep.Where(k => Text(rows[k], pp.Exp) != Text(rows[k], pp.Imp)).ToList();
                }
                if (s.Bool("drop_zero") == true)
                {
                    if (panel is not { } pz) throw s.Error("drop_zero", null, "true", "a 'panel:' mapping naming the trade column");
                    keep = keep.Where(k => Num(rows[k], pz.Trade) > 0).ToList();
                }
                s.RejectUnknownKeys();
            }
            keep = keep.Where(k => double.IsFinite(y[k]) && regressors.All(r => double.IsFinite(r.Item2[k]))).ToList();
            var fixedEffects = feNames.Select(fe => (fe, Codes(fe.Split('-').Select(part =>
            {
                if (Array.IndexOf(table.Header, part) < 0)
                    throw c.Error("fixed_effects", null, part, $"columns of {Path.GetFileName(dataPath)} joined by '-', e.g. exporter-year");
                return part;
            }).ToArray(), keep, rows, Text))).ToArray();
            var cluster = clusterNames.Select(cn => Array.IndexOf(table.Header, cn.Value) < 0
                ? throw c.Error("cluster", null, cn.Value, $"a column of {Path.GetFileName(dataPath)}")
                : Codes([cn.Value], keep, rows, Text)).ToArray();
            c.RejectUnknownKeys();
            columns.Add(new RegressionInput(cname, method, keep.Select(k => y[k]).ToArray(),
                regressors.Select(r => (r.Value, keep.Select(k => r.Item2[k]).ToArray())).ToArray(), fixedEffects, cluster, intercept, singletons, vce,
                dataPath, keep.Select(k => rows[k].LineNumber).ToArray()));
        }
        if (columns.Count == 0) throw root.Error("columns", null, null, "at least one column");
        root.RejectUnknownKeys();
        return new EstimationSpec(name, columns, dataPath);
    }

    private static IReadOnlyList<(string Name, int Line)> VariableKeys(string path, YamlMap map) => map.Keys();

    private static int[] Codes(string[] parts, List<int> keep, List<CsvRow> rows, Func<CsvRow, string, string> text)
    {
        var map = new Dictionary<string, int>();
        return keep.Select(k =>
        {
            var key = string.Join("|", parts.Select(p => text(rows[k], p)));
            if (!map.TryGetValue(key, out var id)) map[key] = id = map.Count;
            return id;
        }).ToArray();
    }
}
