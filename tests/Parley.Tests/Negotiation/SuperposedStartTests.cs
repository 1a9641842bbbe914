using Parley.Negotiation;
using Xunit;

namespace Parley.Tests.Negotiation;

/// <summary>docs/models/multi-sector.md (MS-22): superposed starts change the path of each solve, not its answer: outcomes
/// agree to 1e-7 (percent or utility units), which is the solver's 1e-11 residual tolerance times the conditioning of
/// a sector output; different starts stop at different points inside that tolerance.</summary>
public sealed class SuperposedStartTests
{
    private static string Example(string f) => Path.Combine(AppContext.BaseDirectory, "examples", f);

    [Fact]
    public void Every_US_Japan_package_has_the_same_outcomes_from_superposed_starts_as_from_the_baseline()
    {
        var spec = NegotiationFile.Read(Example("us-japan-2025.yaml"));
        var packages = Package.Enumerate(spec);
        var superposed = new NegotiationEvaluator(spec).EvaluateAll(packages);
        var baseline = new NegotiationEvaluator(spec, new EvaluationOptions { Superposition = false }).EvaluateAll(packages);
        Assert.Equal(72, packages.Count);
        for (var k = 0; k < packages.Count; k++)
        {
            Assert.Equal(baseline[k].Utility1, superposed[k].Utility1, 1e-7);
            Assert.Equal(baseline[k].Utility2, superposed[k].Utility2, 1e-7);
            Assert.Equal(baseline[k].Values.Keys.Order(), superposed[k].Values.Keys.Order());
            foreach (var (key, value) in baseline[k].Values)
                Assert.True(Math.Abs(value - superposed[k].Values[key]) <= 1e-7 * Math.Max(1, Math.Abs(value)),
                    $"package {k} {key}: {superposed[k].Values[key]:R} from the superposed start, {value:R} from the baseline");
        }
    }

    [Fact]
    public void A_package_priced_alone_or_in_the_whole_space_has_bit_identical_outcomes()
    {
        var spec = NegotiationFile.Read(Example("us-japan-2025.yaml"));
        var packages = Package.Enumerate(spec);
        var all = new NegotiationEvaluator(spec).EvaluateAll(packages);
        var alone = new NegotiationEvaluator(spec).EvaluateAll([packages[41], packages[7]]);
        Assert.Equal(all[41].Values, alone[0].Values);
        Assert.Equal(all[7].Values, alone[1].Values);
    }
}
