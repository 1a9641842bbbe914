using System.Globalization;

namespace Parley.Reports;

/// <summary>
/// Money as analysts write it in tables: <c>-$2.60 bn</c>, <c>$340 m</c>, <c>$1.23 tn</c>, <c>$12,345</c>. The sign
/// stands before the dollar; billions carry two decimals, millions three significant digits (at most one decimal above
/// $10 m); below a million whole dollars. Tables only — CSV and JSON keep raw numbers with the unit in the header.
/// </summary>
public static class Money
{
    /// <summary>An amount in US dollars; "–" for a missing or non-finite amount.</summary>
    public static string Usd(double? dollars)
    {
        if (dollars is not { } v || !double.IsFinite(v)) return "–";
        var sign = v < 0 ? "-" : "";
        var a = Math.Abs(v);
        string body;
        if (a >= 1e12) body = (a / 1e12).ToString("N2", CultureInfo.InvariantCulture) + " tn";
        else if (a >= 999.5e6) body = (a / 1e9).ToString("F2", CultureInfo.InvariantCulture) + " bn"; // never "$1000 m"
        else if (a >= 1e6)
        {
            var m = a / 1e6;
            body = m >= 99.95 ? m.ToString("F0", CultureInfo.InvariantCulture) + " m"
                : m >= 9.995 ? m.ToString("F1", CultureInfo.InvariantCulture) + " m"
                : m.ToString("F2", CultureInfo.InvariantCulture) + " m";
        }
        else body = a.ToString("N0", CultureInfo.InvariantCulture);
        if (body is "0" or "0.00 bn") sign = ""; // no "-$0"
        return $"{sign}${body}";
    }

    /// <summary>An amount given in US dollar billions.</summary>
    public static string UsdBillions(double? billions) => Usd(billions * 1e9);

    /// <summary>An amount given in US dollar millions.</summary>
    public static string UsdMillions(double? millions) => Usd(millions * 1e6);
}
