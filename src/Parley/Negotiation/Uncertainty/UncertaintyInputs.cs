// From a file's uncertainty block to the list of inputs a sweep draws (docs/models/uncertainty.md (U-4)): published
// trade elasticities first (one per group of dataset sectors sharing an estimate), replaced sector by sector by the file's
// explicit ones, then the one-sector ε and κ, the weights and the reservation values, in file order.
using Parley.Scenarios;

namespace Parley.Negotiation.Uncertainty;

/// <summary>Resolves and applies uncertain inputs.</summary>
public static class UncertaintyInputs
{
    /// <summary>Every input of <paramref name="spec"/>'s uncertainty block, in draw order (empty without a block).</summary>
    public static IReadOnlyList<UncertainInput> Resolve(NegotiationSpec spec)
    {
        if (spec.Uncertainty is not { } u) return [];
        var result = new List<UncertainInput>();
        if (spec.Baseline.Model == ModelKind.MultiSector && (u.Published is not null || u.Sectors.Count > 0))
        {
            var d = MultiSectorScenario.LoadDataset(spec.Baseline);
            var explicitCodes = new Dictionary<string, SectorElasticityInput>();
            foreach (var s in u.Sectors)
            {
                var sector = d.FindSector(s.Sector) ?? throw new ParleyInputException(spec.SourceFile, s.Line, "uncertainty.trade_elasticities", s.Sector,
                    $"a sector of dataset '{d.Name}' ({string.Join(", ", d.Sectors.Take(3).Select(x => x.Code))}, …)");
                if (!explicitCodes.TryAdd(sector.Code, s))
                    throw new ParleyInputException(spec.SourceFile, s.Line, "uncertainty.trade_elasticities", s.Sector, "each sector at most once");
            }
            if (u.Published is not null)
                foreach (var input in PublishedElasticities.Inputs(d))
                {
                    var kept = input.Targets.Where(c => !explicitCodes.ContainsKey(c)).ToArray();
                    if (kept.Length == input.Targets.Count) result.Add(input);
                    else if (kept.Length > 0) result.Add(input with { Name = "theta:" + string.Join("+", kept), Targets = kept });
                }
            foreach (var (code, s) in explicitCodes)
                result.Add(new UncertainInput(UncertainInputKind.TradeElasticity, "theta:" + code, [code], s.Distribution, $"{spec.SourceFile}:{s.Line}"));
        }
        result.AddRange(u.Inputs);
        return result;
    }

    /// <summary>The evaluation options that put the model inputs' values <paramref name="x"/> into the model.</summary>
    public static EvaluationOptions Options(IReadOnlyList<UncertainInput> inputs, double[] x, ModelKind model)
    {
        var theta = new Dictionary<string, double>();
        double? epsilon = null, kappa = null;
        for (var k = 0; k < inputs.Count; k++)
            switch (inputs[k].Kind)
            {
                case UncertainInputKind.TradeElasticity when model == ModelKind.MultiSector:
                    foreach (var code in inputs[k].Targets) theta[code] = x[k];
                    break;
                case UncertainInputKind.TradeElasticity:
                    epsilon = x[k];
                    break;
                case UncertainInputKind.LaborSupplyElasticity:
                    kappa = x[k];
                    break;
            }
        return new EvaluationOptions { SectorElasticities = theta.Count > 0 ? theta : null, TradeElasticity = epsilon, LaborSupplyElasticity = kappa };
    }
}
