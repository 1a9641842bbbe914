namespace Parley.Data.Import;

/// <summary>A source file an import read, with its SHA-256 (written into the output folder's manifest).</summary>
/// <param name="Role">What the file was given as (<c>flows</c>, <c>gdp</c>, <c>table</c>, <c>sectors</c>, ...).</param>
/// <param name="Path">The path as given.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
public sealed record ImportSource(string Role, string Path, string Sha256);

/// <summary>What an import wrote.</summary>
/// <param name="Kind"><c>one-sector</c> or <c>multi-sector</c>.</param>
/// <param name="Regions">Countries or regions, in data order (ISO3).</param>
/// <param name="Sectors">Sectors (1 for one-sector data).</param>
/// <param name="Sources">Every source file with its hash.</param>
/// <param name="Counts">Named counts and totals for the manifest and the CLI (units in the names).</param>
public sealed record ImportSummary(
    string Kind,
    IReadOnlyList<string> Regions,
    int Sectors,
    IReadOnlyList<ImportSource> Sources,
    IReadOnlyDictionary<string, string> Counts);

/// <summary>Options shared by both importers.</summary>
public sealed record ImportOptions
{
    /// <summary>
    /// One-sector only: when true, an exporter–importer pair without a row is zero trade; when false (default), every
    /// ordered pair of distinct countries needs a row (write 0 for no trade), so a truncated file cannot pass.
    /// </summary>
    public bool MissingPairsAreZero { get; init; }

    /// <summary>
    /// Largest gap between a given value (value added, deficit) and the one the table implies, as a fraction of the
    /// region's (or region-sector's) gross output. Default 1e-4 (0.01%); in (0, 0.1].
    /// </summary>
    public double BalanceTolerance
    {
        get;
        init => field = value is > 0 and <= 0.1 ? value
            : throw new ParleyInputException("(options)", null, "balance tolerance", value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "a fraction of gross output in (0, 0.1], e.g. 1e-4");
    } = 1e-4;

    /// <summary>Multi-sector only: the dataset's short name in reports (default: the output folder's name).</summary>
    public string? Name { get; init; }
}
