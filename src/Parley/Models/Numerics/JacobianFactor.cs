// A factorised Jacobian for Newton's method: linearise a system at one point, factor, then solve J·x = b for as many
// right-hand sides as the chord steps need (Dennis & Schnabel 1996, §6.5 on reusing factorisations). Why an interface:
// the default is the dense LU of the whole Jacobian, but a system whose Jacobian has structure (the one-sector
// baseline: two of its three unknown blocks enter most equations only through diagonal terms, docs/models/one-sector.md
// (OS-41)–(OS-43)) can give the same Newton step from a much smaller dense system.
namespace Parley.Models.Numerics;

/// <summary>A Jacobian factorised at one point, solving J·x = b. <see cref="Solve"/> only reads the factors, so one
/// factorisation may serve chord steps of many solves on several threads at once. Its large arrays may come from
/// <see cref="System.Buffers.ArrayPool{T}.Shared"/>: <see cref="IDisposable.Dispose"/> returns them (optional; a factor
/// that is kept, e.g. for warm starts, is simply left to the garbage collector).</summary>
internal interface IJacobianFactor : IDisposable
{
    /// <summary>Order of J.</summary>
    int Size { get; }

    /// <summary>True when the last <see cref="Refactor"/> used analytic derivatives (false: finite differences).</summary>
    bool Analytic { get; }

    /// <summary>How the linear systems are solved, for diagnostics (e.g. "dense LU").</summary>
    string Method { get; }

    /// <summary>Linearises the system at <paramref name="z"/> (with <paramref name="f"/> = F(z)) and factors the Jacobian.
    /// Returns false when it is singular or not finite.</summary>
    bool Refactor(double[] z, double[] f);

    /// <summary>Overwrites <paramref name="b"/> with J⁻¹ b (thread-safe: reads the factors only).</summary>
    void Solve(Span<double> b);
}

/// <summary>The whole Jacobian (analytic, or by forward differences when the system gives none) in a dense LU.</summary>
internal sealed class DenseJacobianFactor(INonlinearSystem system) : IJacobianFactor
{
    private readonly DenseLu _lu = new(system.Size, pooled: true);

    public int Size => _lu.Size;

    public bool Analytic { get; private set; } = true;

    public string Method => "dense LU";

    public bool Refactor(double[] z, double[] f)
    {
        Analytic = system.Jacobian(z, _lu.Matrix);
        if (!Analytic) NewtonSolver.FiniteDifferenceJacobian(system, z, f, _lu.Matrix);
        return _lu.Factor();
    }

    public void Solve(Span<double> b) => _lu.Solve(b);

    public void Dispose() => _lu.Dispose();
}
