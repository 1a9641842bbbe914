// Reads the `uncertainty:` block of a negotiation file (docs/uncertainty.md): seed, draws, trade elasticities (published
// standard errors or explicit distributions), the one-sector labour-supply elasticity, weights and reservation values per
// party. Every bad value is an input error naming file, line, field, value and expectation.
using System.Globalization;
using Parley.Internals;
using Parley.Scenarios;

namespace Parley.Negotiation.Uncertainty;

/// <summary>Parses <see cref="UncertaintySpec"/>.</summary>
internal static class UncertaintyFile
{
    private static readonly Dictionary<string, DistributionKind> Kinds = new()
    {
        ["normal"] = DistributionKind.Normal, ["lognormal"] = DistributionKind.LogNormal,
        ["uniform"] = DistributionKind.Uniform, ["triangular"] = DistributionKind.Triangular,
    };

    /// <summary>Published tables Parley can draw trade elasticities from.</summary>
    public static readonly string[] PublishedTables = [PublishedElasticities.Cp2015];

    public static UncertaintySpec Parse(YamlMap u, IReadOnlyList<Party> parties, ModelKind kind)
    {
        var seedValue = u.Number("seed", 0, 9007199254740991) ?? UncertaintySpec.DefaultSeed;
        if (seedValue != Math.Floor(seedValue)) throw u.Error("seed", null, seedValue.ToString(CultureInfo.InvariantCulture), "a whole number from 0 to 2^53 − 1");
        var drawsValue = u.Number("draws", 1, UncertaintySpec.MaxDraws);
        if (drawsValue is { } dv && dv != Math.Floor(dv)) throw u.Error("draws", null, dv.ToString(CultureInfo.InvariantCulture), $"a whole number of draws from 1 to {UncertaintySpec.MaxDraws:N0}");
        string? published = null;
        var sectors = new List<SectorElasticityInput>();
        var inputs = new List<UncertainInput>();
        if (u.Has("trade_elasticities"))
        {
            if (kind != ModelKind.MultiSector)
                throw u.Error("trade_elasticities", null, null, "'trade_elasticity:' (one distribution of ε) for the one-sector model; per-sector θ needs the multi-sector model");
            if (u.HasMap("trade_elasticities"))
            {
                var m = u.Map("trade_elasticities")!;
                foreach (var (key, line) in m.Keys())
                {
                    if (key == "published") { published = Published(m); continue; }
                    sectors.Add(new SectorElasticityInput(key, Parse(m.Map(key) ?? throw m.Error(key, null, null, "a distribution mapping"), key, 0.1, 200), line));
                }
            }
            else published = Published(u, "trade_elasticities");
        }
        if (u.Map("trade_elasticity") is { } te)
        {
            if (kind != ModelKind.OneSector) throw u.Error("trade_elasticity", null, null, "'trade_elasticities:' (per sector, or 'cp2015') for the multi-sector model");
            inputs.Add(new UncertainInput(UncertainInputKind.TradeElasticity, "trade_elasticity", [], Parse(te, "trade_elasticity", 0.1, 50), $"{u.File}:{te.Line}"));
        }
        if (u.Map("labor_supply_elasticity") is { } ls)
        {
            if (kind != ModelKind.OneSector)
                throw u.Error("labor_supply_elasticity", null, null, "no labour-supply range: labour supply is fixed in the multi-sector model (one-sector only)");
            inputs.Add(new UncertainInput(UncertainInputKind.LaborSupplyElasticity, "labor_supply_elasticity", [], Parse(ls, "labor_supply_elasticity", 0, 10), $"{u.File}:{ls.Line}"));
        }
        if (u.Map("weights") is { } w)
        {
            foreach (var (code, _) in w.Keys())
            {
                var party = Party(w, code, parties);
                var terms = w.Map(code) ?? throw w.Error(code, null, null, "a mapping of objective terms (e.g. 'trade_balance:JPN:') to distributions");
                foreach (var (term, _) in terms.Keys())
                {
                    if (party.Objective.All(t => t.Key != term))
                        throw terms.Error(term, null, term, $"a term of {party.Code}'s objective: {string.Join(", ", party.Objective.Select(t => t.Key))}");
                    var d = Parse(terms.Map(term) ?? throw terms.Error(term, null, null, "a distribution mapping"), term, -1000, 1000);
                    inputs.Add(new UncertainInput(UncertainInputKind.Weight, $"weight:{party.Code}/{term}", [party.Code, term], d, $"{u.File}:{terms.Line}"));
                }
                terms.RejectUnknownKeys(terms.Keys().Select(k => k.Name).ToArray());
            }
            w.RejectUnknownKeys(w.Keys().Select(k => k.Name).ToArray());
        }
        if (u.Map("reservation") is { } r)
        {
            foreach (var (code, _) in r.Keys())
            {
                var party = Party(r, code, parties);
                var d = Parse(r.Map(code) ?? throw r.Error(code, null, null, "a distribution mapping (utility units added to the party's BATNA utility)"), code, -1000, 1000);
                inputs.Add(new UncertainInput(UncertainInputKind.Reservation, $"reservation:{party.Code}", [party.Code], d, $"{u.File}:{r.Line}"));
            }
            r.RejectUnknownKeys(r.Keys().Select(k => k.Name).ToArray());
        }
        u.RejectUnknownKeys();
        return new UncertaintySpec((ulong)seedValue, drawsValue is { } n ? (int)n : null, published, sectors, inputs);
    }

    private static string Published(YamlMap m, string key = "published")
    {
        var v = m.RequiredString(key, "a published table of elasticities and standard errors: " + string.Join(", ", PublishedTables));
        return PublishedTables.Contains(v) ? v : throw m.Error(key, null, v, "a published table of elasticities and standard errors: " + string.Join(", ", PublishedTables));
    }

    private static Party Party(YamlMap m, string code, IReadOnlyList<Party> parties) =>
        parties.FirstOrDefault(p => p.Code.Equals(code, StringComparison.OrdinalIgnoreCase))
        ?? throw m.Error(code, null, code, "a party of the file: " + string.Join(", ", parties.Select(p => p.Code)));

    /// <summary>A distribution mapping, every value checked and the whole support inside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    internal static Distribution Parse(YamlMap m, string field, double min, double max)
    {
        var kind = m.Enum("distribution", Kinds) ?? throw m.Error("distribution", null, null, "a distribution: normal, lognormal, uniform or triangular");
        const double Big = 1e6;
        double Need(string key, string expected) => m.Number(key, -Big, Big) ?? throw m.Error(key, null, null, expected);
        string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
        Distribution d;
        switch (kind)
        {
            case DistributionKind.Normal or DistributionKind.LogNormal:
            {
                var mean = Need("mean", "the distribution's mean");
                var sd = Need("sd", "the distribution's standard deviation (> 0)");
                if (sd <= 0) throw m.Error("sd", null, F(sd), "a standard deviation above 0");
                if (kind == DistributionKind.LogNormal && mean <= 0) throw m.Error("mean", null, F(mean), "a mean above 0 for a lognormal distribution");
                var lower = m.Number("min", -Big, Big) ?? (kind == DistributionKind.Normal ? mean - 4 * sd : 0);
                var upper = m.Number("max", -Big, Big) ?? (kind == DistributionKind.Normal ? mean + 4 * sd : mean + 8 * sd);
                if (kind == DistributionKind.LogNormal && lower < 0) throw m.Error("min", null, F(lower), "a lower bound of at least 0 for a lognormal distribution");
                if (!(lower <= mean && mean <= upper)) throw m.Error("mean", null, F(mean), $"a mean within the bounds [{F(lower)}, {F(upper)}]");
                if (lower >= upper) throw m.Error("max", null, F(upper), $"an upper bound above the lower bound {F(lower)}");
                d = kind == DistributionKind.Normal ? Distribution.Normal(mean, sd, lower, upper) : Distribution.LogNormal(mean, sd, lower, upper);
                if (d.MassInBounds < 1e-3) throw m.Error("min", null, $"[{F(lower)}, {F(upper)}]", "bounds that keep at least 0.1% of the distribution");
                break;
            }
            case DistributionKind.Uniform:
            {
                var lower = Need("min", "the lower end of the range");
                var upper = Need("max", "the upper end of the range");
                if (lower >= upper) throw m.Error("max", null, F(upper), $"an upper end above the lower end {F(lower)}");
                d = Distribution.Uniform(lower, upper);
                break;
            }
            default:
            {
                var lower = Need("min", "the lower end of the range");
                var mode = Need("mode", "the most likely value");
                var upper = Need("max", "the upper end of the range");
                if (lower >= upper) throw m.Error("max", null, F(upper), $"an upper end above the lower end {F(lower)}");
                if (mode < lower || mode > upper) throw m.Error("mode", null, F(mode), $"a mode within [{F(lower)}, {F(upper)}]");
                d = Distribution.Triangular(lower, mode, upper);
                break;
            }
        }
        if (d.Lower < min || d.Upper > max)
            throw m.Error(d.Lower < min ? "min" : "max", null, F(d.Lower < min ? d.Lower : d.Upper),
                $"{field} values within [{F(min)}, {F(max)}] over the whole distribution (set min:/max: to bound it)");
        m.RejectUnknownKeys();
        return d;
    }
}
