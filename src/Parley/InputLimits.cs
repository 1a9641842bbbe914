namespace Parley;

/// <summary>
/// Bounds every input file is checked against before it is parsed (decision 0012), so that a hostile or broken file
/// (an upload to the web host, a typo in a path) ends in a <see cref="ParleyInputException"/> instead of a stack
/// overflow, an exhausted memory or a parse that never ends. The bundled data are well inside every bound.
/// </summary>
public static class InputLimits
{
    /// <summary>Largest YAML file read (scenario, negotiation, estimation, gravity, overlay, dataset manifest): 4 MiB.</summary>
    public const long MaxYamlBytes = 4L << 20;

    /// <summary>Deepest nesting of mappings and sequences in a YAML file: 64 levels (Parley's formats use at most 6).</summary>
    public const int MaxYamlDepth = 64;

    /// <summary>Most YAML nodes (scalars, mappings, sequences), counting every alias as the node it repeats: 1,000,000.</summary>
    public const long MaxYamlNodes = 1_000_000;

    /// <summary>Largest CSV text read, after decompression for <c>.gz</c> files: 256 MiB.</summary>
    public const long MaxCsvBytes = 256L << 20;

    /// <summary>Largest estimation panel read (the <c>data:</c> of an estimation file), text after decompression: 4 GiB. Panels
    /// are read column by column into numbers and codes (decision 0036), about 4–8 bytes per cell, so this bounds memory too.</summary>
    public const long MaxPanelCsvBytes = 4L << 30;

    /// <summary>Most data rows in an estimation panel: 50,000,000.</summary>
    public const int MaxPanelRows = 50_000_000;

    /// <summary>Most columns in a CSV header: 4,096 (the widest bundled table, the 194-column trade matrix, is far below).</summary>
    public const int MaxCsvColumns = 4096;
}
