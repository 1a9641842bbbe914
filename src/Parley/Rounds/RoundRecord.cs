namespace Parley.Rounds;

/// <summary>What a party said it wants on a topic (docs/rounds.md, "Stances").</summary>
public enum Stance
{
    /// <summary>Remove the measure altogether ("eliminate", "scrap", "abolish", "remove").</summary>
    Eliminate,

    /// <summary>Lower it ("reduce", "lower", "cut", "ease").</summary>
    Reduce,

    /// <summary>Leave it as it is ("keep", "maintain", "retain", "no exemption").</summary>
    Keep,

    /// <summary>Take the other side's proposal ("accept", "agree to").</summary>
    Accept,

    /// <summary>Refuse the other side's proposal ("reject", "refuse", "rule out").</summary>
    Reject,
}

/// <summary>A person at the table, from the gazetteer (<see cref="Gazetteer"/>).</summary>
/// <param name="Name">Canonical name (e.g. <c>Ryosei Akazawa</c>).</param>
/// <param name="Country">ISO3 code or group (<c>EU27</c>).</param>
/// <param name="Role">Office held on the meeting date.</param>
public sealed record Participant(string Name, string Country, string Role);

/// <summary>A stated position: <paramref name="Party"/> wants <paramref name="Stance"/> on <paramref name="Topic"/>.</summary>
/// <param name="Party">ISO3 code or group of the party stating it.</param>
/// <param name="Topic">Topic tag (<see cref="TopicTags"/>).</param>
/// <param name="Stance">The stance.</param>
/// <param name="Rate">The tariff rate the stance is about (fraction, e.g. 0.25), or null when the sentence names none.</param>
public sealed record StatedPosition(string Party, string Topic, Stance Stance, double? Rate);

/// <summary>A rate agreed or announced for a topic (fraction).</summary>
/// <param name="Topic">Topic tag.</param>
/// <param name="Rate">Rate as a fraction (0.15 = 15%).</param>
public sealed record OutcomeRate(string Topic, double Rate);

/// <summary>An inclusive range of dates (one day when <paramref name="From"/> = <paramref name="To"/>).</summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day (inclusive).</param>
public sealed record DateRange(DateOnly From, DateOnly To);

/// <summary>Where a field came from: the sentence (null when the field is unknown) and a confidence in [0, 1].</summary>
/// <param name="Sentence">The article's sentence, as split by the extractor.</param>
/// <param name="Confidence">Confidence: 0.9 a direct statement, 0.7 resolved (a relative date, a pronoun), 0.5 indirect,
/// 0.1 nothing found (the field is null or empty). See docs/rounds.md.</param>
public sealed record FieldEvidence(string? Sentence, double Confidence);

/// <summary>
/// The round one article reports. Unknown fields are null (lists empty) and carry low confidence; every known field and
/// every list item has an entry in <see cref="Evidence"/> naming its sentence. Keys of <see cref="Evidence"/>: the scalar
/// field names (always present), <c>field[i]</c> for list items, and the list's own name when the list is empty.
/// </summary>
/// <param name="Source">Article name (file name or what the caller passed).</param>
/// <param name="Published">Publication date the relative dates were resolved from.</param>
/// <param name="Date">Date of the meeting (its first day when it ran over several).</param>
/// <param name="Place">Canonical place name from the gazetteer.</param>
/// <param name="Participants">People at the table.</param>
/// <param name="DurationMinutes">Length of the meeting in minutes.</param>
/// <param name="Topics">Topic tags, in order of first mention.</param>
/// <param name="Agreement">Whether an agreement was reached (null when the article does not say).</param>
/// <param name="Positions">Stated positions.</param>
/// <param name="OutcomeRates">Rates agreed or announced.</param>
/// <param name="NextMeeting">Date range of the next meeting, or null.</param>
/// <param name="Evidence">Field (or <c>field[i]</c>) → sentence and confidence.</param>
public sealed record RoundRecord(
    string Source,
    DateOnly Published,
    DateOnly? Date,
    string? Place,
    IReadOnlyList<Participant> Participants,
    int? DurationMinutes,
    IReadOnlyList<string> Topics,
    bool? Agreement,
    IReadOnlyList<StatedPosition> Positions,
    IReadOnlyList<OutcomeRate> OutcomeRates,
    DateRange? NextMeeting,
    IReadOnlyDictionary<string, FieldEvidence> Evidence)
{
    /// <summary>The record's field names, in output order (exactly the keys of the JSON object).</summary>
    public static readonly IReadOnlyList<string> FieldNames =
        ["date", "place", "participants", "duration_minutes", "topics", "agreement", "positions", "outcome_rates", "next_meeting", "evidence"];
}
