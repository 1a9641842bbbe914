using System.Globalization;
using Parley.Internals;

namespace Parley.Scenarios;

/// <summary>
/// Reads a scenario file's <c>sweep:</c> key (kept apart from <see cref="ScenarioFile"/>'s other keys):
/// <code>
/// sweep:
///   parameter: rate              # rate | trade_elasticity | labor_supply_elasticity (the last two: one-sector model)
///   change: jpn-autos            # rate only: the tariff change's id: or its 1-based position in tariffs.changes
///   values: [0, 0.05, 0.10]      # a list of distinct values, or a range:
///   # from: 0
///   # to: 0.275
///   # step: 0.025                # from, from + step, … up to and including to
/// </code>
/// Every value is checked against the bounds of the key it stands for; a range may describe at most
/// <see cref="Sweep.HardMaxVariants"/> variants (the run's own limit, default <see cref="Sweep.DefaultMaxVariants"/>, is
/// checked by the runner).
/// </summary>
internal static class SweepFile
{
    private static readonly Dictionary<string, SweepParameter> Parameters = new()
    {
        ["rate"] = SweepParameter.Rate,
        ["trade_elasticity"] = SweepParameter.TradeElasticity,
        ["labor_supply_elasticity"] = SweepParameter.LaborSupplyElasticity,
    };

    /// <summary>The file's sweep, or null when it has none.</summary>
    internal static Sweep? Read(YamlMap root, ModelKind kind, IReadOnlyList<TariffChange> changes)
    {
        if (!root.Has("sweep")) return null;
        var m = root.Map("sweep")!;
        var parameter = m.Enum("parameter", Parameters)
                        ?? throw m.Error("parameter", null, null, "the parameter to vary: " + string.Join(", ", Parameters.Keys));
        var (min, max) = parameter switch
        {
            SweepParameter.Rate => (0.0, Data.WorldDatasetReader.MaxTariff),
            SweepParameter.TradeElasticity => (0.1, 50.0),
            _ => (0.0, 10.0),
        };
        string? change = null;
        var index = -1;
        if (parameter == SweepParameter.Rate)
            (change, index) = FindChange(m, changes);
        else
        {
            if (kind == ModelKind.MultiSector)
                throw m.Error("parameter", null, m.String("parameter"),
                    "rate for the multi-sector model (its trade elasticities are the dataset's sectoral θ, not a model key)");
            if (m.String("change") is { } c) throw m.Error("change", null, c, "no 'change:' key unless parameter: rate");
        }
        var values = m.Has("values") ? List(m, min, max) : Range(m, min, max);
        m.RejectUnknownKeys();
        return new Sweep(parameter, change, index, values, m.Line);
    }

    private static (string Change, int Index) FindChange(YamlMap m, IReadOnlyList<TariffChange> changes)
    {
        var text = m.String("change")?.Trim();
        var expected = changes.Count == 0
            ? "a tariff change to vary, but 'tariffs.changes' lists none"
            : "the id: of a tariff change (" + (changes.Any(c => c.Id is not null) ? string.Join(", ", changes.Where(c => c.Id is not null).Select(c => c.Id)) : "none has one")
              + $") or its position 1 to {changes.Count.ToString(CultureInfo.InvariantCulture)}";
        if (string.IsNullOrEmpty(text)) throw m.Error("change", null, null, expected);
        var dup = changes.Where(c => c.Id is not null).GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
            throw new ParleyInputException(m.File, dup.Skip(1).First().Line, "tariffs.changes.id", dup.Key, "ids that are unique within the file");
        for (var k = 0; k < changes.Count; k++)
            if (string.Equals(changes[k].Id, text, StringComparison.OrdinalIgnoreCase)) return (changes[k].Id!, k);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 1 && position <= changes.Count)
            return (text, position - 1);
        throw m.Error("change", null, text, expected);
    }

    private static IReadOnlyList<double> List(YamlMap m, double min, double max)
    {
        foreach (var key in new[] { "from", "to", "step" })
            if (m.Has(key)) throw m.Error(key, null, m.String(key), "either 'values:' or 'from:'/'to:'/'step:', not both");
        var items = m.Codes("values") ?? [];
        if (items.Count == 0) throw m.Error("values", null, null, "a list of at least one value, e.g. 'values: [0, 0.05, 0.10]'");
        if (items.Count > Sweep.HardMaxVariants)
            throw m.Error("values", null, items.Count.ToString(CultureInfo.InvariantCulture), $"at most {Sweep.HardMaxVariants} values");
        var values = new List<double>();
        foreach (var (text, line) in items)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < min || v > max)
                throw new ParleyInputException(m.File, line, "sweep.values", text, $"numbers between {F(min)} and {F(max)}");
            if (values.Contains(v)) throw new ParleyInputException(m.File, line, "sweep.values", text, "distinct values (this one is listed twice)");
            values.Add(v);
        }
        return values;
    }

    private static IReadOnlyList<double> Range(YamlMap m, double min, double max)
    {
        double Required(string key) => m.Number(key, key == "step" ? double.Epsilon : min, max)
            ?? throw m.Error(key, null, null, "'values: [...]' or all of 'from:', 'to:' and 'step:' (e.g. 'from: 0, to: 0.275, step: 0.025')");
        var from = Required("from");
        var to = Required("to");
        var step = Required("step");
        if (to < from) throw m.Error("to", null, m.String("to"), $"a number not below from = {F(from)}");
        var steps = Math.Floor((to - from) / step * (1 + 1e-12) + 1e-9); // 0.275 / 0.025 is 10.999…: still 11 steps
        if (steps + 1 > Sweep.HardMaxVariants)
            throw m.Error("step", null, m.String("step"), $"a step giving at most {Sweep.HardMaxVariants} values (this one gives {F(steps + 1)})");
        // Each value is from + k·step rounded to 12 decimals, so 0.025 × 11 prints as 0.275, not 0.27500000000000002.
        return Enumerable.Range(0, (int)steps + 1).Select(k => Math.Min(max, Math.Round(from + k * step, 12))).ToArray();
    }

    private static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
}
