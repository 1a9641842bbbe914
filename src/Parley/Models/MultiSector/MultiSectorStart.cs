// A starting point for a multi-sector solve: wages, price indexes and spending (docs/models/multi-sector.md (MS-11)'s
// u = (ln ŵ, ln P̂, X′/wL)). Why superposition: a negotiation's packages combine one option per issue, and the
// equilibrium of a combination is, to first order, the reference package plus the sum of each option's own change
// (MS-22). Starting there instead of at the baseline removes the first-order part of the error, so each package
// needs fewer evaluations of the map; the solution is the same fixed point to the solver's tolerance.
namespace Parley.Models.MultiSector;

/// <summary>Where a multi-sector solve starts: ŵ_n, P̂_n^j and X′_n^j (levels, dataset unit), layouts as
/// <see cref="MultiSectorEquilibrium"/>. Only a guess: the solve converges to the equilibrium from it.</summary>
public sealed record MultiSectorStart(IReadOnlyList<double> Wage, IReadOnlyList<double> Price, IReadOnlyList<double> Expenditure)
{
    /// <summary>Start at a solved equilibrium.</summary>
    public static MultiSectorStart Of(MultiSectorEquilibrium e) => new(e.Wage, e.Price, e.Expenditure);

    /// <summary>
    /// The reference equilibrium plus the sum of each change's difference from it (MS-22): ln ŵ and ln P̂ add, X′ adds;
    /// where the sum of spending changes would make X′ non-positive, the reference's X′ is kept.
    /// </summary>
    public static MultiSectorStart Superpose(MultiSectorEquilibrium reference, IEnumerable<MultiSectorEquilibrium> changes)
    {
        var lnWage = reference.Wage.Select(w => Math.Log(w)).ToArray();
        var lnPrice = reference.Price.Select(p => Math.Log(p)).ToArray();
        var x = (double[])reference.Expenditure.Clone();
        foreach (var c in changes)
        {
            for (var r = 0; r < lnWage.Length; r++) lnWage[r] += Math.Log(c.Wage[r] / reference.Wage[r]);
            for (var q = 0; q < lnPrice.Length; q++)
            {
                lnPrice[q] += Math.Log(c.Price[q] / reference.Price[q]);
                x[q] += c.Expenditure[q] - reference.Expenditure[q];
            }
        }
        for (var q = 0; q < x.Length; q++)
            if (!(x[q] > 0)) x[q] = reference.Expenditure[q];
        return new MultiSectorStart(lnWage.Select(v => Math.Exp(v)).ToArray(), lnPrice.Select(v => Math.Exp(v)).ToArray(), x);
    }
}
