// Draws of the uncertain inputs (docs/models/uncertainty.md (U-1)): draw d uses its own counter-based stream
// SplitMix64(seed, d), and input k takes the k-th number of that stream, u = top 53 bits / 2^53, then x = Q_k(u) (U-2).
// A draw is therefore the same whichever worker computes it, in whatever order, and adding an input at the end of the
// list leaves the earlier inputs' draws unchanged.
namespace Parley.Negotiation.Uncertainty;

/// <summary>Reproducible draws of a list of inputs.</summary>
public sealed class DrawSampler(IReadOnlyList<UncertainInput> inputs, ulong seed)
{
    /// <summary>The inputs, in draw order.</summary>
    public IReadOnlyList<UncertainInput> Inputs { get; } = inputs;

    /// <summary>The seed.</summary>
    public ulong Seed { get; } = seed;

    /// <summary>The values of every input in draw <paramref name="draw"/> (0-based), in <see cref="Inputs"/> order.</summary>
    public double[] Draw(int draw)
    {
        var state = Mix(Seed ^ Mix(0x5EED_0F_D4A3UL + (ulong)draw));
        var x = new double[Inputs.Count];
        for (var k = 0; k < x.Length; k++)
        {
            state += 0x9E3779B97F4A7C15UL;
            var u = (Mix(state) >> 11) * (1.0 / (1UL << 53));
            x[k] = Inputs[k].Distribution.Quantile(u);
        }
        return x;
    }

    /// <summary>SplitMix64's finaliser (Steele, Lea &amp; Flood 2014).</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
