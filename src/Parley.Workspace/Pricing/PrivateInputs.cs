// A delegation's private inputs and the utility they define: u = Σ_k w_k · outcome_k over the party's own model
// outcomes (docs/models negotiation utility, the same form as NegotiationEvaluator.Utility), with a reservation value
// (the delegation's BATNA assessment, utility units) and a CARA risk coefficient (Negotiation.RiskAttitude).
using System.Globalization;

namespace Parley.Workspace.Pricing;

/// <summary>Private inputs of one party (never shown to the other party or observers; decision 0026).</summary>
/// <param name="Weights">Outcome key without the party prefix (e.g. <c>welfare</c>, <c>sector_output:c15</c>) → weight (utility units per percent).</param>
/// <param name="ReservationUtility">Reservation value in utility units: packages at or below it are worse than no deal.</param>
/// <param name="RiskAversion">CARA coefficient per utility unit, 0 (neutral) to 1000.</param>
/// <param name="Note">Private notes, at most <see cref="MaxNoteLength"/> characters.</param>
public sealed record PrivateInputs(IReadOnlyDictionary<string, double> Weights, double ReservationUtility, double RiskAversion, string Note)
{
    /// <summary>Longest private note: 4,000 characters.</summary>
    public const int MaxNoteLength = 4000;

    /// <summary>Largest absolute weight: 1,000 (as in negotiation files).</summary>
    public const double MaxWeight = 1000;

    /// <summary>Largest absolute reservation value: 1,000,000 utility units.</summary>
    public const double MaxReservation = 1e6;

    /// <summary>The party's utility of outcomes <paramref name="values"/> (keys <c>PARTY/outcome</c>).</summary>
    public double Utility(string party, IReadOnlyDictionary<string, double> values) =>
        Weights.Sum(w => w.Value * values.GetValueOrDefault($"{party}/{w.Key}"));

    /// <summary>Outcome keys a party may weight: its own outcomes in the priced packages, without the prefix.</summary>
    public static IReadOnlyList<string> WeightableKeys(string party, IReadOnlyDictionary<string, double> values) =>
        values.Keys.Where(k => k.StartsWith(party + "/", StringComparison.Ordinal)).Select(k => k[(party.Length + 1)..]).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Checks every value; the error names the field and the expectation but never echoes a private value.</summary>
    public PrivateInputs Validated(IReadOnlyList<string> allowedKeys)
    {
        foreach (var (key, weight) in Weights)
        {
            if (!allowedKeys.Contains(key)) throw Invalid($"weights.{key}", "an outcome of this party: " + string.Join(", ", allowedKeys));
            if (!double.IsFinite(weight) || Math.Abs(weight) > MaxWeight) throw Invalid($"weights.{key}", "a finite weight between -1000 and 1000");
        }
        if (Weights.Count == 0) throw Invalid("weights", "at least one weight");
        if (!double.IsFinite(ReservationUtility) || Math.Abs(ReservationUtility) > MaxReservation)
            throw Invalid("reservation_utility", "a finite number of utility units between -1000000 and 1000000");
        if (!double.IsFinite(RiskAversion) || RiskAversion is < 0 or > 1000) throw Invalid("risk_aversion", "a number from 0 (risk neutral) to 1000");
        if (Note.Length > MaxNoteLength) throw Invalid("note", $"at most {MaxNoteLength.ToString(CultureInfo.InvariantCulture)} characters");
        return this;
    }

    private static ParleyInputException Invalid(string field, string expected) => new("(request)", null, field, "(private value withheld)", expected);
}
