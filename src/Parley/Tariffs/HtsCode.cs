namespace Parley.Tariffs;

/// <summary>An HTS code of 8 or 10 digits, written with or without dots (8703.23.01, 87032301, 8703.23.01.40).</summary>
public readonly record struct HtsCode
{
    private HtsCode(string digits) => Digits = digits;

    /// <summary>The digits without dots (8 or 10 characters).</summary>
    public string Digits { get; }

    /// <summary>The HTS-8 heading.</summary>
    public string Hs8 => Digits[..8];

    /// <summary>The HS-6 subheading.</summary>
    public string Hs6 => Digits[..6];

    /// <summary>The HS-2 chapter.</summary>
    public string Chapter => Digits[..2];

    /// <summary>True when the code has 10 digits (statistical suffix).</summary>
    public bool IsTenDigit => Digits.Length == 10;

    /// <summary>Parses; null when the text is not 8 or 10 digits after removing dots and spaces.</summary>
    public static HtsCode? TryParse(string? text)
    {
        if (text is null) return null;
        var digits = new string(text.Where(c => c != '.' && c != ' ').ToArray());
        return digits.Length is 8 or 10 && digits.All(char.IsAsciiDigit) ? new HtsCode(digits) : null;
    }

    /// <summary>Dotted form, e.g. 8703.23.01 or 8703.23.01.40.</summary>
    public override string ToString() => IsTenDigit
        ? $"{Digits[..4]}.{Digits[4..6]}.{Digits[6..8]}.{Digits[8..]}"
        : $"{Digits[..4]}.{Digits[4..6]}.{Digits[6..8]}";
}
