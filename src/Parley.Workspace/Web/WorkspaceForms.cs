// Form posts → the same requests the JSON API takes, so both paths validate identically (WorkspaceService).
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Parley.Workspace.Pricing;

namespace Parley.Workspace.Web;

/// <summary>Form parsing.</summary>
internal static class WorkspaceForms
{
    public static OfferRequest Offer(IFormCollection form) => new(
        form.Keys.Where(k => k.StartsWith("choice.", StringComparison.Ordinal)).ToDictionary(k => k["choice.".Length..], k => form[k].ToString()),
        OptionalInt(form, "in_reply_to"), form["message"].ToString());

    public static ReleaseRequest Release(IFormCollection form) => new(form["kind"].ToString(), OptionalInt(form, "package"), form["text"].ToString());

    public static PrivateInputsRequest Private(IFormCollection form, string party, IReadOnlyDictionary<string, double> values)
    {
        var keys = PrivateInputs.WeightableKeys(party, values);
        var weights = new Dictionary<string, double>();
        foreach (var key in keys)
            if (form[$"weight.{key}"].ToString() is { Length: > 0 } text) weights[key] = Number(text, $"weight.{key}");
        return new PrivateInputsRequest(weights, Number(form["reservation_utility"].ToString(), "reservation_utility"),
            form["risk_aversion"].ToString() is { Length: > 0 } r ? Number(r, "risk_aversion") : 0, form["note"].ToString());
    }

    private static int? OptionalInt(IFormCollection form, string field)
    {
        var text = form[field].ToString();
        if (text.Length == 0) return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ParleyInputException("(request)", null, field, text.Length > 60 ? text[..60] : text, "a whole number");
    }

    private static double Number(string text, string field) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
            ? x
            : throw new ParleyInputException("(request)", null, field, "(private value withheld)", "a finite number such as 0.25");
}
