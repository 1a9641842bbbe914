using Parley.Internals;

namespace Parley.Data.Import.Internals;

/// <summary>A sector of an import's sectors file.</summary>
internal sealed record ImportSector(string Code, string Name, bool Tradable, double Theta);

/// <summary>The shares and levels derived from a table (money in <see cref="MultiSectorImport.OutputUnit"/>); layouts as
/// in <see cref="MultiSectorDataset"/>: region × sector [r][j], inputs [r][k][j].</summary>
internal sealed record DerivedAccounts(double[] GrossOutput, double[] ValueAdded, double[] VaShare, double[] InputShares, double[] Alpha, double[] Deficits);

/// <summary>The cells of a long input–output table accumulated by region and sector, with the checks of each step.</summary>
internal sealed class IoTable(IReadOnlyList<string> codes, IReadOnlyList<ImportSector> sectors)
{
    private readonly int _n = codes.Count, _j = sectors.Count;
    private readonly Dictionary<string, int> _region = codes.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _sector = Index(sectors);
    private double[]? _tariff;                    // [j][i][n]
    private double[] _flows = [];                 // [j][i][n], net of tariffs, all uses
    private double[] _inputCost = [];             // [n][k][j], tariff-inclusive
    private double[] _finalCost = [];             // [n][j], tariff-inclusive

    public int CellCount { get; private set; }

    private static Dictionary<string, int> Index(IReadOnlyList<ImportSector> sectors)
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var j = 0; j < sectors.Count; j++) d[sectors[j].Code] = j;
        for (var j = 0; j < sectors.Count; j++) d.TryAdd(sectors[j].Name, j);
        return d;
    }

    private int Cell(int j, int i, int n) => (j * _n + i) * _n + n;

    public static List<ImportSector> ReadSectors(string path)
    {
        var t = CsvTable.Read(path);
        int cc = t.Column("code"), cn = t.Column("name"), ct = t.Column("theta"), cTrad = ImportFields.Optional(t, "tradable");
        var list = new List<ImportSector>();
        foreach (var row in t.Rows)
        {
            var code = t.Field(row, cc);
            var name = t.Field(row, cn).Length > 0 ? t.Field(row, cn) : code;
            if (code.Length == 0 || code.Equals(MultiSectorImport.FinalUse, StringComparison.OrdinalIgnoreCase) || code.Any(char.IsWhiteSpace))
                throw new ParleyInputException(path, row.LineNumber, "code", code, $"a sector code without spaces, other than '{MultiSectorImport.FinalUse}'");
            if (list.Any(s => s.Code.Equals(code, StringComparison.OrdinalIgnoreCase) || s.Name.Equals(code, StringComparison.OrdinalIgnoreCase)))
                throw new ParleyInputException(path, row.LineNumber, "code", code, "each sector code once (and no code equal to another sector's name)");
            if (list.Any(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || s.Code.Equals(name, StringComparison.OrdinalIgnoreCase)))
                throw new ParleyInputException(path, row.LineNumber, "name", name, "each sector name once (and no name equal to another sector's code)");
            var theta = t.Number(row, ct);
            if (!(theta > 0)) throw new ParleyInputException(path, row.LineNumber, "theta", t.Field(row, ct), "a positive trade elasticity θ (CP 2015: 0.4–70; 5 is a common choice)");
            var tradable = cTrad < 0 || t.Field(row, cTrad).ToUpperInvariant() switch
            {
                "TRUE" => true,
                "FALSE" => false,
                var other => throw new ParleyInputException(path, row.LineNumber, "tradable", other, "TRUE or FALSE"),
            };
            list.Add(new ImportSector(code, name, tradable, theta));
        }
        if (list.Count == 0) throw new ParleyInputException(path, null, "code", "0 rows", "at least one sector");
        return list;
    }

    public static (List<string> Codes, List<string> Names) ReadRegions(string path)
    {
        var t = CsvTable.Read(path);
        int ci = t.Column("iso3"), cn = ImportFields.Optional(t, "name");
        var codes = new List<string>();
        var names = new List<string>();
        foreach (var row in t.Rows)
        {
            var iso = ImportFields.Code(t, row, ci);
            var name = cn >= 0 && t.Field(row, cn).Length > 0 ? t.Field(row, cn) : iso;
            if (codes.Contains(iso)) throw new ParleyInputException(path, row.LineNumber, "iso3", iso, "each region once");
            if (names.Contains(name, StringComparer.OrdinalIgnoreCase) || (name != iso && codes.Contains(name, StringComparer.OrdinalIgnoreCase)))
                throw new ParleyInputException(path, row.LineNumber, "name", name, "each region name once (and no name equal to another region's code)");
            codes.Add(iso);
            names.Add(name);
        }
        if (codes.Count < 2) throw new ParleyInputException(path, null, "iso3", $"{codes.Count} regions", "at least two regions");
        return (codes, names);
    }

    public static (List<string> Codes, List<string> Names) RegionsOfTable(string path)
    {
        var t = CsvTable.Read(path);
        int ce = t.Column("exporter"), ci = t.Column("importer");
        var codes = new List<string>();
        foreach (var row in t.Rows)
            foreach (var c in new[] { ce, ci })
            {
                var iso = ImportFields.Code(t, row, c);
                if (!codes.Contains(iso)) codes.Add(iso);
            }
        if (codes.Count < 2) throw new ParleyInputException(path, null, "exporter", $"{codes.Count} regions", "at least two regions");
        return (codes, [.. codes]);
    }

    private int Region(CsvTable t, CsvRow row, int column) =>
        _region.TryGetValue(t.Field(row, column).Trim(), out var k) ? k
            : throw new ParleyInputException(t.File, row.LineNumber, t.Header[column], t.Field(row, column), "a region code: " + string.Join(", ", codes));

    private int Sector(CsvTable t, CsvRow row, int column, bool final = false)
    {
        var text = t.Field(row, column).Trim();
        if (final && text.Equals(MultiSectorImport.FinalUse, StringComparison.OrdinalIgnoreCase)) return _j;
        return _sector.TryGetValue(text, out var j) ? j
            : throw new ParleyInputException(t.File, row.LineNumber, t.Header[column], text,
                (final ? $"'{MultiSectorImport.FinalUse}' or " : "") + "a sector code of the sectors file: " + string.Join(", ", sectors.Select(s => s.Code)));
    }

    public void ReadTariffs(string path)
    {
        var t = CsvTable.Read(path);
        int cImp = t.Column("importer"), cExp = t.Column("exporter"), cSec = t.Column("sector"), cRate = t.Column("tariff");
        _tariff = new double[_j * _n * _n];
        var seen = new bool[_tariff.Length];
        foreach (var row in t.Rows)
        {
            int n = Region(t, row, cImp), i = Region(t, row, cExp), j = Sector(t, row, cSec);
            var v = ImportFields.Rate(t, row, cRate);
            if (i == n && v != 0) throw new ParleyInputException(path, row.LineNumber, "tariff", t.Field(row, cRate), "0 on domestic sales (importer = exporter)");
            if (seen[Cell(j, i, n)]) throw new ParleyInputException(path, row.LineNumber, "importer,exporter,sector",
                $"{codes[n]},{codes[i]},{sectors[j].Code}", "each importer–exporter–sector once (this one is repeated)");
            seen[Cell(j, i, n)] = true;
            _tariff[Cell(j, i, n)] = v;
        }
    }

    public void ReadCells(string path, MoneyUnit? stated)
    {
        var t = CsvTable.Read(path);
        int ce = t.Column("exporter"), ci = t.Column("importer"), cs = t.Column("sector"), cu = t.Column("use"), cv = t.Column("value");
        var cUnit = ImportFields.Optional(t, "unit");
        _flows = new double[_j * _n * _n];
        _inputCost = new double[_n * _j * _j];
        _finalCost = new double[_n * _j];
        var seen = new bool[_j * _n * _n * (_j + 1)];
        foreach (var row in t.Rows)
        {
            int i = Region(t, row, ce), n = Region(t, row, ci), k = Sector(t, row, cs), use = Sector(t, row, cu, final: true);
            var unit = ImportFields.Unit(t, row, cUnit, stated, "--unit");
            var v = ImportFields.Money(t, row, cv, unit, MultiSectorImport.OutputUnit);
            var key = Cell(k, i, n) * (_j + 1) + use;
            if (seen[key]) throw new ParleyInputException(path, row.LineNumber, "exporter,importer,sector,use",
                $"{codes[i]},{codes[n]},{sectors[k].Code},{(use == _j ? MultiSectorImport.FinalUse : sectors[use].Code)}", "each exporter–importer–sector–use once (this one is repeated)");
            seen[key] = true;
            CellCount++;
            _flows[Cell(k, i, n)] += v;
            var cost = v * (1 + (_tariff?[Cell(k, i, n)] ?? 0));
            if (use == _j) _finalCost[n * _j + k] += cost;
            else _inputCost[(n * _j + k) * _j + use] += cost;
        }
    }

    public DerivedAccounts Derive(string path)
    {
        var y = new double[_n * _j];
        var purchases = new double[_n * _j];
        var deficits = new double[_n];
        for (var j = 0; j < _j; j++)
            for (var i = 0; i < _n; i++)
                for (var n = 0; n < _n; n++)
                {
                    var f = _flows[Cell(j, i, n)];
                    y[i * _j + j] += f;
                    purchases[n * _j + j] += f;
                    if (i != n) { deficits[n] += f; deficits[i] -= f; }
                }
        var va = new double[_n * _j];
        var share = new double[_n * _j];
        var io = new double[_n * _j * _j];
        var alpha = new double[_n * _j];
        for (var r = 0; r < _n; r++)
        {
            for (var j = 0; j < _j; j++)
            {
                var at = $"{codes[r]}/{sectors[j].Code}";
                if (!(y[r * _j + j] > 0)) throw new ParleyInputException(path, null, "exporter,sector", at,
                    "positive gross output in every region and sector (this one sells nothing: add a small domestic flow, e.g. 0.001, as Caliendo–Parro do)");
                if (!(purchases[r * _j + j] > 0)) throw new ParleyInputException(path, null, "importer,sector", at,
                    "some purchases of every sector in every region (this one buys nothing: add a small domestic flow, e.g. 0.001)");
                double inputs = 0;
                for (var k = 0; k < _j; k++) inputs += _inputCost[(r * _j + k) * _j + j];
                va[r * _j + j] = y[r * _j + j] - inputs;
                if (!(va[r * _j + j] > 0)) throw new ParleyInputException(path, null, "use", $"{at}: inputs {MultiSectorImport.Format(inputs)} ≥ gross output {MultiSectorImport.Format(y[r * _j + j])} {MultiSectorImport.OutputUnit.Name}",
                    "inputs (at tariff-inclusive prices) below gross output in every region and sector, so that value added is positive: the table's rows and columns do not balance");
                share[r * _j + j] = va[r * _j + j] / y[r * _j + j];
                for (var k = 0; k < _j; k++) io[(r * _j + k) * _j + j] = _inputCost[(r * _j + k) * _j + j] / y[r * _j + j];
            }
            double final = 0;
            for (var j = 0; j < _j; j++) final += _finalCost[r * _j + j];
            if (!(final > 0)) throw new ParleyInputException(path, null, "use", $"{codes[r]}/{MultiSectorImport.FinalUse}", "some final demand in every region");
            for (var j = 0; j < _j; j++) alpha[r * _j + j] = _finalCost[r * _j + j] / final;
        }
        return new DerivedAccounts(y, va, share, io, alpha, deficits);
    }

    public void CheckValueAdded(string path, MoneyUnit? stated, DerivedAccounts d, double tolerance)
    {
        var t = CsvTable.Read(path);
        int cr = t.Column("region"), cs = t.Column("sector"), cv = t.Column("value_added"), cu = ImportFields.Optional(t, "unit");
        var seen = new bool[_n * _j];
        foreach (var row in t.Rows)
        {
            int r = Region(t, row, cr), j = Sector(t, row, cs);
            if (seen[r * _j + j]) throw new ParleyInputException(path, row.LineNumber, "region,sector", $"{codes[r]},{sectors[j].Code}", "each region–sector once");
            seen[r * _j + j] = true;
            var given = ImportFields.Money(t, row, cv, ImportFields.Unit(t, row, cu, stated, "--unit"), MultiSectorImport.OutputUnit);
            var derived = d.ValueAdded[r * _j + j];
            if (Math.Abs(given - derived) > tolerance * d.GrossOutput[r * _j + j])
                throw new ParleyInputException(path, row.LineNumber, "value_added", t.Field(row, cv),
                    $"the table's gross output − inputs for {codes[r]}/{sectors[j].Code}, {MultiSectorImport.Format(derived)} {MultiSectorImport.OutputUnit.Name} (±{tolerance:G3} of gross output): the table and the value added do not balance");
        }
        var missing = Array.IndexOf(seen, false);
        if (missing >= 0) throw new ParleyInputException(path, null, "region,sector", $"{codes[missing / _j]},{sectors[missing % _j].Code}", "a row for every region × sector (this one is missing)");
    }

    public void CheckDeficits(string path, MoneyUnit? stated, DerivedAccounts d, double tolerance)
    {
        var t = CsvTable.Read(path);
        int cr = t.Column("region"), cv = t.Column("deficit"), cu = ImportFields.Optional(t, "unit");
        var seen = new bool[_n];
        foreach (var row in t.Rows)
        {
            var r = Region(t, row, cr);
            if (seen[r]) throw new ParleyInputException(path, row.LineNumber, "region", codes[r], "each region once");
            seen[r] = true;
            var text = t.Field(row, cv);
            var unit = ImportFields.Unit(t, row, cu, stated, "--unit");
            var given = unit.To(MultiSectorImport.OutputUnit, t.Number(row, cv));
            double output = 0;
            for (var j = 0; j < _j; j++) output += d.GrossOutput[r * _j + j];
            if (Math.Abs(given - d.Deficits[r]) > tolerance * output)
                throw new ParleyInputException(path, row.LineNumber, "deficit", text,
                    $"the table's imports − exports for {codes[r]}, {MultiSectorImport.Format(d.Deficits[r])} {MultiSectorImport.OutputUnit.Name} (±{tolerance:G3} of gross output)");
        }
        var missing = Array.IndexOf(seen, false);
        if (missing >= 0) throw new ParleyInputException(path, null, "region", codes[missing], "a row for every region (this one is missing)");
    }

    public void WriteFiles(string dir, IReadOnlyList<string> names, DerivedAccounts d)
    {
        string P(string f) => Path.Combine(dir, f);
        static string N(double v) => CsvOutput.Number(v);
        var regions = Enumerable.Range(0, _n);
        var rs = regions.SelectMany(r => Enumerable.Range(0, _j).Select(j => (r, j))).ToArray();
        var bilateral = Enumerable.Range(0, _j).SelectMany(j => regions.SelectMany(i => regions.Select(n => (j, i, n)))).ToArray();
        CsvOutput.File(P("regions.csv"), ["region", "iso3"], regions.Select(r => (IReadOnlyList<string>)[names[r], codes[r]]));
        CsvOutput.File(P("sectors.csv"), ["sector", "code", "tradable"], sectors.Select(s => (IReadOnlyList<string>)[s.Name, s.Code, s.Tradable ? "TRUE" : "FALSE"]));
        CsvOutput.File(P("trade_elasticity.csv"), ["sector", "theta"], sectors.Select(s => (IReadOnlyList<string>)[s.Code, N(s.Theta)]));
        CsvOutput.File(P("trade_flows.csv"), ["importer", "exporter", "sector", "value"], bilateral.Where(c => _flows[Cell(c.j, c.i, c.n)] > 0)
            .Select(c => (IReadOnlyList<string>)[codes[c.n], codes[c.i], sectors[c.j].Code, N(_flows[Cell(c.j, c.i, c.n)])]));
        CsvOutput.File(P("tariffs.csv"), ["importer", "exporter", "sector", MultiSectorImport.TariffSet], bilateral.Where(c => (_tariff?[Cell(c.j, c.i, c.n)] ?? 0) > 0)
            .Select(c => (IReadOnlyList<string>)[codes[c.n], codes[c.i], sectors[c.j].Code, N(_tariff![Cell(c.j, c.i, c.n)])]));
        CsvOutput.File(P("value_added.csv"), ["region", "sector", "value_added", "va_share"],
            rs.Select(x => (IReadOnlyList<string>)[codes[x.r], sectors[x.j].Code, N(d.ValueAdded[x.r * _j + x.j]), N(d.VaShare[x.r * _j + x.j])]));
        CsvOutput.File(P("intermediate_inputs.csv"), ["region", "input_sector", "output_sector", "io_coefficient"],
            rs.SelectMany(x => Enumerable.Range(0, _j).Select(k => (IReadOnlyList<string>)[codes[x.r], sectors[k].Code, sectors[x.j].Code,
                N(d.InputShares[(x.r * _j + k) * _j + x.j])])));
        CsvOutput.File(P("final_demand.csv"), ["region", "sector", "alpha"], rs.Select(x => (IReadOnlyList<string>)[codes[x.r], sectors[x.j].Code, N(d.Alpha[x.r * _j + x.j])]));
        CsvOutput.File(P("region_totals.csv"), ["region", "deficit"], regions.Select(r => (IReadOnlyList<string>)[codes[r], N(d.Deficits[r])]));
    }
}
