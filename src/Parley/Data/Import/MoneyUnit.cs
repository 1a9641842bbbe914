using System.Globalization;

namespace Parley.Data.Import;

/// <summary>
/// A money unit an import file may state: US dollars, or thousands, millions or billions of them. No currency is
/// converted, so another currency (EUR) is an input error rather than a number silently read as dollars.
/// </summary>
/// <param name="Name">Canonical name, e.g. <c>USD millions</c>.</param>
/// <param name="Usd">US dollars per unit (1, 1e3, 1e6 or 1e9).</param>
public sealed record MoneyUnit(string Name, double Usd)
{
    /// <summary>US dollars.</summary>
    public static readonly MoneyUnit Dollars = new("USD", 1);

    /// <summary>Thousands of US dollars (BACI, the bundled world-2023 trade matrix).</summary>
    public static readonly MoneyUnit Thousands = new("USD thousands", 1e3);

    /// <summary>Millions of US dollars (WIOD, OECD ICIO).</summary>
    public static readonly MoneyUnit Millions = new("USD millions", 1e6);

    /// <summary>Billions of US dollars.</summary>
    public static readonly MoneyUnit Billions = new("USD billions", 1e9);

    /// <summary>Every accepted unit.</summary>
    public static IReadOnlyList<MoneyUnit> All { get; } = [Dollars, Thousands, Millions, Billions];

    /// <summary>The accepted spellings, for error messages.</summary>
    public const string Expected = "a money unit: USD, USD thousands, USD millions or USD billions (also 'thousands of USD', 'usd_millions', ...)";

    /// <summary>Parses a unit ignoring case, spaces, underscores and 'of' (<c>USD millions</c>, <c>millions of USD</c>,
    /// <c>usd_millions</c>); <c>null</c> when the text names no accepted unit.</summary>
    public static MoneyUnit? TryParse(string text)
    {
        var words = text.ToLowerInvariant().Replace('_', ' ').Replace('-', ' ')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "of").Order(StringComparer.Ordinal).ToArray();
        var key = string.Join(' ', words);
        return key switch
        {
            "usd" or "dollars" => Dollars,
            "thousands usd" or "thousand usd" => Thousands,
            "millions usd" or "million usd" => Millions,
            "billions usd" or "billion usd" => Billions,
            _ => null,
        };
    }

    /// <summary>Converts <paramref name="value"/> in this unit into <paramref name="target"/>.</summary>
    public double To(MoneyUnit target, double value) => value * (Usd / target.Usd);

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
