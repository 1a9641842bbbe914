using System.Globalization;

namespace Parley.Data.Internals;

/// <summary>
/// GDP (or value added) and trade that disagree by orders of magnitude are a unit mistake — GDP in USD read as
/// thousands, flows in USD next to value added in millions — not an economy: a country's exports or imports above
/// <see cref="WorldDatasetReader.MaxTradeToGdp"/>× its GDP, or GDP above <see cref="WorldDatasetReader.MaxGdpToTrade"/>×
/// its exports plus imports, is an input error naming the country, the income file and its field.
/// </summary>
internal static class TradeScale
{
    /// <summary>Where the income and the trade came from, for the error.</summary>
    /// <param name="IncomeFile">File holding GDP or value added.</param>
    /// <param name="IncomeLines">1-based line of each country's income, or null when it is a sum over rows.</param>
    /// <param name="IncomeField">Column name.</param>
    /// <param name="IncomeName">"GDP" or "value added".</param>
    /// <param name="IncomeUnit">Unit the column is read in.</param>
    /// <param name="TradeFile">File holding the flows.</param>
    /// <param name="TradeUnit">Unit the flows are read in.</param>
    public sealed record Source(string IncomeFile, int[]? IncomeLines, string IncomeField, string IncomeName, string IncomeUnit, string TradeFile, string TradeUnit);

    /// <summary>Checks every country; <paramref name="usdPerUnit"/> converts the income to USD for the message.</summary>
    public static void Check(IReadOnlyList<Country> countries, Func<int, (double Exports, double Imports)> trade, IReadOnlyList<double> income,
        double usdPerUnit, Source src)
    {
        var inv = CultureInfo.InvariantCulture;
        for (var k = 0; k < countries.Count; k++)
        {
            var (exports, imports) = trade(k);
            var g = income[k];
            var peak = Math.Max(exports, imports);
            string? problem = null;
            if (peak > WorldDatasetReader.MaxTradeToGdp * g)
                problem = $"{(exports >= imports ? "exports" : "imports")} {(peak / g).ToString("G3", inv)}× {src.IncomeName} (at most {WorldDatasetReader.MaxTradeToGdp.ToString(inv)}×)";
            else if (g > WorldDatasetReader.MaxGdpToTrade * (exports + imports))
                problem = exports + imports > 0
                    ? $"{src.IncomeName} {(g / (exports + imports)).ToString("G3", inv)}× exports plus imports (at most {WorldDatasetReader.MaxGdpToTrade.ToString(inv)}×)"
                    : "no trade at all";
            if (problem is not null)
                throw new ParleyInputException(src.IncomeFile, src.IncomeLines?[k], src.IncomeField, $"{countries[k].Iso3}: {(g * usdPerUnit).ToString("G4", inv)} USD",
                    $"{src.IncomeName} of the same order as {countries[k].Iso3}'s trade in {Path.GetFileName(src.TradeFile)} ({src.TradeUnit}): {problem}; " +
                    $"check units ({src.IncomeField} is read in {src.IncomeUnit})");
        }
    }
}
