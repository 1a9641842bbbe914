using Parley.Internals;

namespace Parley.Data;

/// <summary>Reads the long pair CSV of a structural-gravity experiment (gegravity's layout) into <see cref="GravityData"/>.</summary>
public static class GravityDataReader
{
    /// <summary>Most countries a gravity cross-section may hold: 300 (each solve factors a dense (2N − 1)² Jacobian,
    /// so time grows as N³; the gegravity sample has 30, the world about 200).</summary>
    public const int MaxCountries = 300;

    /// <summary>
    /// Reads a long CSV with columns exporter, importer, year, trade, Y, E and pair variables (the gegravity sample layout)
    /// for one year; rejects non-square data, missing pairs and non-numeric values with file, line and column.
    /// </summary>
    public static GravityData Read(string path, string? year)
    {
        var t = CsvTable.Read(path);
        int ce = t.Column("exporter"), ci = t.Column("importer"), ct = t.Column("trade"), cy = t.Column("Y"), cx = t.Column("E");
        var cYear = Array.FindIndex(t.Header, h => h.Equals("year", StringComparison.OrdinalIgnoreCase));
        var rows = t.Rows.Where(r => year is null || cYear < 0 || t.Field(r, cYear) == year).ToArray();
        if (rows.Length == 0) throw new ParleyInputException(path, null, "year", year, "a year present in the data");
        var countries = rows.Select(r => t.Field(r, ce)).Concat(rows.Select(r => t.Field(r, ci))).Distinct().Order(StringComparer.Ordinal).ToArray();
        var n = countries.Length;
        if (n > MaxCountries)
            throw new ParleyInputException(path, null, "exporter,importer", $"{n} countries", $"at most {MaxCountries} countries (Parley's limit for structural gravity)");
        if (n < 2) throw new ParleyInputException(path, null, "exporter,importer", $"{n} countries", "at least two countries");
        var index = countries.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k);
        var skip = new HashSet<int> { ce, ci, ct, cy, cx, cYear };
        var varColumns = Enumerable.Range(0, t.Header.Length).Where(c => !skip.Contains(c)).ToArray();
        var vars = varColumns.ToDictionary(c => t.Header[c], _ => new double[n * n]);
        var trade = new double[n * n];
        var seen = new bool[n * n];
        var ySum = new double[n]; var yCount = new int[n]; var eSum = new double[n]; var eCount = new int[n];
        foreach (var r in rows)
        {
            int i = index[t.Field(r, ce)], j = index[t.Field(r, ci)];
            if (seen[i * n + j]) throw new ParleyInputException(path, r.LineNumber, "exporter,importer", $"{countries[i]},{countries[j]}", "each ordered pair once per year");
            seen[i * n + j] = true;
            trade[i * n + j] = t.Number(r, ct, nonNegative: true);
            ySum[i] += t.Number(r, cy, nonNegative: true); yCount[i]++;
            eSum[j] += t.Number(r, cx, nonNegative: true); eCount[j]++;
            foreach (var c in varColumns) vars[t.Header[c]][i * n + j] = t.Number(r, c);
        }
        var missing = Array.IndexOf(seen, false);
        if (missing >= 0)
            throw new ParleyInputException(path, null, "exporter,importer", $"{countries[missing / n]},{countries[missing % n]}", "every ordered pair, including domestic pairs (square data)");
        vars["constant"] = Enumerable.Repeat(1.0, n * n).ToArray();
        return new GravityData(countries, ySum.Select((s, k) => s / yCount[k]).ToArray(), eSum.Select((s, k) => s / eCount[k]).ToArray(), trade, vars, path);
    }

}
