// The negotiation-draws sweep (WorkSweepKinds.NegotiationDraws): item d is draw d of the file's uncertain inputs. A draw
// takes its inputs from DrawSampler (U-1)–(U-2); weights and reservation values only re-rank outcomes; model inputs go
// through the first-order screen (U-5)–(U-8), and every package whose IR status or Nash/Kalai claim is in doubt (U-9)–(U-11)
// is solved exactly, repeating until no doubt is left. The screen is built from the file alone, once per process and
// file (a silo reuses it for another seed or draw count), so every worker builds the same one and an item's result is
// the same bits wherever and whenever it runs.
using System.Globalization;
using Parley.Application.WorkItems;
using Parley.Negotiation;
using Parley.Negotiation.Uncertainty;

namespace Parley.Application;

/// <summary>A negotiation file's draws as work items (result layout: <see cref="DrawLayout"/>).</summary>
public sealed class NegotiationDrawSweep : IWorkSweep
{
    /// <summary>Option keys of the <see cref="WorkSweepSpec"/>: number of draws, seed, and <c>screen</c> (<c>on</c> | <c>off</c>: solve every row of every draw).</summary>
    public const string DrawsOption = "draws", SeedOption = "seed", ScreenOption = "screen";

    /// <summary>Option key: <c>headline</c> (default: exact where the headline answers are in doubt), <c>all</c> (also every
    /// open IR status) or <c>zopa</c> (exact only for the reference package's IR status and the ZOPA's emptiness; Nash and
    /// Kalai are read from the screen and the share of draws where they stayed open is reported).</summary>
    public const string ResolveOption = "resolve";

    /// <summary>Most packages a draws sweep prices per draw (every package is enumerated): 20,000.</summary>
    public const long MaxPackages = 20_000;

    private readonly Lazy<DrawScreen> _screen;
    private readonly DrawSampler _sampler;
    private readonly bool _screenOn, _allIr, _contenders;
    private readonly Lazy<int?> _reference;

    private NegotiationDrawSweep(WorkSweepSpec spec)
    {
        Fingerprint = spec.Fingerprint;
        var negotiation = NegotiationFile.ReadText(spec.InputText, spec.SourceName);
        var u = negotiation.Uncertainty;
        Count = ParseInt(spec, DrawsOption, u?.Draws, 1, UncertaintySpec.MaxDraws);
        Seed = spec.Options.TryGetValue(SeedOption, out var st)
            ? ulong.TryParse(st, NumberStyles.None, CultureInfo.InvariantCulture, out var sv) && sv < (1UL << 53) ? sv
                : throw new ParleyInputException("(command line)", null, "--seed", st, "a whole number from 0 to 2^53 − 1")
            : u?.Seed ?? UncertaintySpec.DefaultSeed;
        _screenOn = !spec.Options.TryGetValue(ScreenOption, out var screen) || screen switch
        {
            "on" => true, "off" => false,
            _ => throw new ParleyInputException("(command line)", null, "--screen", screen, "on or off"),
        };
        var mode = spec.Options.TryGetValue(ResolveOption, out var resolve) ? resolve : "headline";
        if (mode is not ("all" or "headline" or "zopa"))
            throw new ParleyInputException("(command line)", null, "--resolve", mode, "headline, all or zopa");
        _allIr = mode == "all";
        _contenders = mode != "zopa"; // zopa: exact only for the reference package's IR status and the ZOPA's emptiness
        if (negotiation.PackageCount > MaxPackages)
            throw new ParleyInputException(spec.SourceName, null, "issues", negotiation.PackageCount.ToString("N0", CultureInfo.InvariantCulture),
                $"at most {MaxPackages:N0} packages for draws (every package is priced in every draw); merge or drop options");
        var inputs = UncertaintyInputs.Resolve(negotiation);
        Layout = new DrawLayout(negotiation, Package.Enumerate(negotiation, MaxPackages), inputs);
        _sampler = new DrawSampler(inputs, Seed);
        _screen = SharedScreen(spec.InputText, () => new DrawScreen(Layout, Solve));
        _reference = new Lazy<int?>(() => Layout.RecordedAgreement ?? CentralNash(), LazyThreadSafetyMode.ExecutionAndPublication);
        _central = new Lazy<double[][]>(() => Solve(inputs.Select(i => i.Distribution.Center).ToArray(), null), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private static readonly object s_gate = new();
    private static NegotiationDrawSweep? s_last;

    private static (string Text, Lazy<DrawScreen> Screen)? s_screen;

    /// <summary>The screen of the file <paramref name="text"/>, shared by every sweep of that text in this process: it is
    /// a function of the file alone — not of the draws, the seed or the resolve mode — so a second run with another seed
    /// or more draws (a warm silo, the web host) reuses it instead of solving every row again (decision 0038).</summary>
    private static Lazy<DrawScreen> SharedScreen(string text, Func<DrawScreen> build)
    {
        lock (s_gate)
        {
            if (s_screen is { } last && string.Equals(last.Text, text, StringComparison.Ordinal)) return last.Screen;
            var screen = new Lazy<DrawScreen>(build, LazyThreadSafetyMode.ExecutionAndPublication);
            s_screen = (text, screen);
            return screen;
        }
    }

    /// <summary>Builds the sweep of <paramref name="spec"/> (the last one is kept, so that opening the same spec again,
    /// e.g. by the summary after the executor, reuses its screen).</summary>
    public static NegotiationDrawSweep Open(WorkSweepSpec spec)
    {
        lock (s_gate)
        {
            if (s_last is { } last && last.Fingerprint == spec.Fingerprint) return last;
            return s_last = new NegotiationDrawSweep(spec);
        }
    }

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public int Count { get; }

    private bool HasModelInputs => Layout.Inputs.Any(i => i.IsModelInput);

    /// <summary>The seed the draws use.</summary>
    public ulong Seed { get; }

    /// <summary>Where each number of an item's result lives.</summary>
    public DrawLayout Layout { get; }

    /// <summary>The screen (built on first use: central solve, derivatives, probes).</summary>
    public DrawScreen Screen => _screen.Value;

    /// <summary>Solves one build of the screen takes (0 with the screen off or without model inputs, when none is built).
    /// Every process that runs draws builds its own, so this is a property of the sweep, not of this process: a client
    /// whose draws ran on other machines reports the same number as a local run (decision 0038).</summary>
    public int ScreenSolves => _screenOn && HasModelInputs ? DrawScreen.SolveCount(Layout.Packages.Count + 1, Layout.Inputs.Count(i => i.IsModelInput)) : 0;

    /// <summary>The central draw (every input at its centre): its Nash package is the reference when the file records no agreement.</summary>
    public ScreenedDraw CentralDraw()
    {
        var z0 = Layout.Inputs.Select(i => i.Distribution.Center).ToArray();
        var rows = Layout.Packages.Count + 1;
        var values = Enumerable.Range(0, rows).Select(r => HasModelInputs && _screenOn ? Screen.Linear(r, z0) : Central(r)).ToArray();
        return Screened(z0, values, values.Select(v => new double[v.Length]).ToArray());
    }

    /// <summary>The package whose IR status is always made exact: the recorded agreement, else the central Nash package.</summary>
    public int? Reference => _reference.Value;

    private int? CentralNash()
    {
        var c = CentralDraw();
        return RiskAttitude.Solve(c.U1, c.U2, c.D1, c.D2, c.Risk1, c.Risk2).Nash;
    }

    /// <summary>True unless the sweep was opened with <c>screen=off</c>.</summary>
    public bool ScreenOn => _screenOn;

    /// <inheritdoc />
    public double[] Evaluate(int item, CancellationToken cancellationToken)
    {
        if (item < 0 || item >= Count) throw new ArgumentOutOfRangeException(nameof(item));
        cancellationToken.ThrowIfCancellationRequested();
        var x = _sampler.Draw(item);
        var rows = Layout.Packages.Count + 1;
        var values = new double[rows][];
        var bounds = new double[rows][];
        var exact = new bool[rows];
        var hasModel = Layout.Inputs.Any(i => i.IsModelInput);
        var outside = false;
        var solved = 0;
        if (!hasModel || (_screenOn && Screen.Covers(x)))
        {
            var screen = hasModel ? Screen : null;
            for (var r = 0; r < rows; r++)
            {
                values[r] = screen?.Linear(r, x) ?? Central(r);
                bounds[r] = screen?.Bound(r, x) ?? new double[Layout.Keys.Count];
                exact[r] = !hasModel;
            }
            if (hasModel) solved = Resolve(x, values, bounds, exact);
        }
        else if (_screenOn && !_contenders)
        {
            // --resolve zopa beyond the probes' reach (U-8): the first-order values carry no bound there, so every row is
            // in doubt; Resolve then solves the BATNA and the reference package, and the ZOPA's candidates only when the
            // reference package is not individually rational for both. Other rows keep their first-order values, counted
            // as in doubt (docs/uncertainty.md).
            outside = true;
            for (var r = 0; r < rows; r++)
            {
                values[r] = Screen.Linear(r, x);
                bounds[r] = Enumerable.Repeat(double.PositiveInfinity, Layout.Keys.Count).ToArray();
            }
            solved = Resolve(x, values, bounds, exact);
        }
        else
        {
            outside = _screenOn;
            values = Solve(x, null);
            for (var r = 0; r < rows; r++) { bounds[r] = new double[Layout.Keys.Count]; exact[r] = true; }
            solved = rows;
        }
        return Assemble(x, values, bounds, exact, solved, outside);
    }

    private readonly Lazy<double[][]> _central;

    private double[] Central(int row) => _central.Value[row];

    /// <summary>Solves the doubtful rows exactly until no doubt is left (at most 8 rounds); returns the rows solved.</summary>
    private int Resolve(double[] x, double[][] values, double[][] bounds, bool[] exact)
    {
        var solved = 0;
        for (var round = 0; round < 8; round++)
        {
            var doubt = DrawDoubt.Packages(Screened(x, values, bounds), _reference.Value, _allIr, _contenders).Where(p => !exact[p]).ToList();
            if (doubt.Count == 0) break;
            // The BATNA first (with the reference package if it is in doubt): its exact value removes the reservation
            // values' screening error from every interval, which settles most doubts without solving their packages.
            if (!exact[Layout.BatnaRow])
                doubt = _reference.Value is { } rf && doubt.Contains(rf) && rf != Layout.BatnaRow ? [rf, Layout.BatnaRow] : [Layout.BatnaRow];
            var y = Solve(x, doubt);
            for (var k = 0; k < doubt.Count; k++)
            {
                values[doubt[k]] = y[k];
                bounds[doubt[k]] = new double[Layout.Keys.Count];
                exact[doubt[k]] = true;
            }
            solved += doubt.Count;
        }
        return solved;
    }

    /// <summary>Utilities, reservation values and their error bounds of a draw.</summary>
    public ScreenedDraw Screened(double[] x, double[][] values, double[][] bounds)
    {
        var weights = Weights(x);
        var p = Layout.Packages.Count;
        double[] U(int party, double[][] v) => Enumerable.Range(0, p + 1).Select(r => Layout.Utility(party, v[r], weights)).ToArray();
        double[] E(int party) => Enumerable.Range(0, p + 1).Select(r => ErrorBound(party, bounds[r], weights)).ToArray();
        double[] u1 = U(0, values), u2 = U(1, values), e1 = E(0), e2 = E(1);
        var parties = Layout.Spec.Parties;
        return new ScreenedDraw(u1[..p], u2[..p], e1[..p], e2[..p], u1[p] + Reservation(x, 0), u2[p] + Reservation(x, 1), e1[p], e2[p],
            parties[0].RiskAversion, parties[1].RiskAversion);
    }

    private double ErrorBound(int party, double[] bound, IReadOnlyDictionary<string, double> weights)
    {
        var p = Layout.Spec.Parties[party];
        return p.Objective.Sum(t => Math.Abs(weights.TryGetValue($"{p.Code}/{t.Key}", out var w) ? w : t.Weight) * bound[Layout.KeyIndex($"{p.Code}/{t.Key}")]);
    }

    private Dictionary<string, double> Weights(double[] x)
    {
        var w = new Dictionary<string, double>();
        for (var k = 0; k < x.Length; k++)
            if (Layout.Inputs[k].Kind == UncertainInputKind.Weight) w[$"{Layout.Inputs[k].Targets[0]}/{Layout.Inputs[k].Targets[1]}"] = x[k];
        return w;
    }

    private double Reservation(double[] x, int party)
    {
        double r = 0;
        for (var k = 0; k < x.Length; k++)
            if (Layout.Inputs[k].Kind == UncertainInputKind.Reservation && Layout.Inputs[k].Targets[0] == Layout.Spec.Parties[party].Code) r += x[k];
        return r;
    }

    private double[] Assemble(double[] x, double[][] values, double[][] bounds, bool[] exact, int solved, bool outside)
    {
        var result = new double[Layout.Width];
        result[0] = solved;
        result[1] = outside ? 1 : 0;
        x.CopyTo(result, DrawLayout.HeaderFixed);
        var s = Screened(x, values, bounds);
        for (var r = 0; r <= Layout.Packages.Count; r++)
        {
            var o = Layout.Row(r);
            var batna = r == Layout.BatnaRow;
            result[o] = exact[r] ? 1 : 0;
            result[o + 1] = batna ? s.D1 : s.U1[r];
            result[o + 2] = batna ? s.D2 : s.U2[r];
            result[o + 3] = batna ? s.ED1 : s.E1[r];
            result[o + 4] = batna ? s.ED2 : s.E2[r];
            values[r].CopyTo(result, o + DrawLayout.RowFixed);
        }
        return result;
    }

    /// <summary>Solves the given rows (null: all) at inputs <paramref name="x"/>: [row][key].</summary>
    private double[][] Solve(double[] x, IReadOnlyList<int>? rows)
    {
        var spec = Layout.Spec;
        // Superposed starts (MS-22) pay for their single-issue solves only when every package of the draw is priced.
        var options = UncertaintyInputs.Options(Layout.Inputs, x, spec.Baseline.Model) with { Superposition = rows is null };
        var evaluator = new NegotiationEvaluator(spec, options);
        var wanted = rows ?? Enumerable.Range(0, Layout.Packages.Count + 1).ToArray();
        var packages = wanted.Where(r => r < Layout.Packages.Count).Select(r => Layout.Packages[r]).ToArray();
        var priced = evaluator.EvaluateAll(packages);
        var batna = wanted.Contains(Layout.BatnaRow) ? evaluator.EvaluateBatna() : null;
        var k = 0;
        return wanted.Select(r => Keys(r == Layout.BatnaRow ? batna! : priced[k++])).ToArray();
    }

    private double[] Keys(PackageOutcome o) => Layout.Keys.Select(key => o.Values.GetValueOrDefault(key)).ToArray();

    private static int ParseInt(WorkSweepSpec spec, string key, int? fallback, int min, int max)
    {
        if (!spec.Options.TryGetValue(key, out var text))
            return fallback ?? throw new ParleyInputException(spec.SourceName, null, "uncertainty.draws", null, "a number of draws (uncertainty.draws in the file, or --draws N)");
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v
            : throw new ParleyInputException("(command line)", null, "--" + key, text, $"a whole number from {min} to {max:N0}");
    }

}
