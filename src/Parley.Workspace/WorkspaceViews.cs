using Parley.Workspace.Pricing;

namespace Parley.Workspace;

/// <summary>What every member sees of a workspace.</summary>
public sealed record WorkspaceView(string Id, string Name, string Negotiation, IReadOnlyList<string> Parties, IReadOnlyList<PublicIssue> Issues, string PricedBy, int Packages);

/// <summary>A package's public pricing: the options chosen, their tariffs, and the model's outcomes.</summary>
/// <param name="Index">Package index.</param>
/// <param name="Choices">Issue id → option id.</param>
/// <param name="Tariffs">Tariff changes of the chosen options (rates in percent).</param>
/// <param name="Welfare">Country or group → welfare change, percent.</param>
/// <param name="Trade">Outcome key → exports change (percent) or trade balance change (points of income).</param>
/// <param name="Other">Other outcomes (real wage, tariff revenue, sector output), key → value.</param>
public sealed record PublicPricing(int Index, IReadOnlyDictionary<string, string> Choices, IReadOnlyList<PublicTariff> Tariffs,
    IReadOnlyDictionary<string, double> Welfare, IReadOnlyDictionary<string, double> Trade, IReadOnlyDictionary<string, double> Other);

/// <summary>An offer in the timeline.</summary>
/// <param name="Number">Offer number in the workspace.</param>
/// <param name="Round">Round.</param>
/// <param name="Party">Proposing party.</param>
/// <param name="Author">User name of the author.</param>
/// <param name="InReplyTo">Offer answered, or null.</param>
/// <param name="Message">Public message.</param>
/// <param name="CreatedUtc">When proposed.</param>
/// <param name="Pricing">Public pricing of the package.</param>
/// <param name="OwnUtility">The caller's own utility of the package from its private weights (delegates only; null without inputs).</param>
public sealed record OfferView(int Number, int Round, string Party, string Author, int? InReplyTo, string Message, DateTime CreatedUtc, PublicPricing Pricing,
    double? OwnUtility);

/// <summary>A public release by the mediator. The Nash package comes without any utility.</summary>
public sealed record ReleaseView(int Number, string Kind, bool? ZopaExists, PublicPricing? Package, string Text, DateTime CreatedUtc);

/// <summary>The author's private pricing of an offer (its party only, and the mediator).</summary>
public sealed record PrivatePricingView(int Offer, string Party, double? AuthorUtility, double? CurrentUtility);

/// <summary>The mediator's view of the analysis.</summary>
public sealed record AnalysisView(bool ZopaExists, int ZopaSize, PublicPricing? Nash, PublicPricing? KalaiSmorodinsky, IReadOnlyList<int> Frontier,
    double? NashUtility1, double? NashUtility2, IReadOnlyList<string> Missing);

/// <summary>Offer request.</summary>
/// <param name="Choices">Issue id → option id, every issue.</param>
/// <param name="InReplyTo">Offer answered, or null.</param>
/// <param name="Message">Public message, at most 2,000 characters.</param>
public sealed record OfferRequest(Dictionary<string, string> Choices, int? InReplyTo = null, string? Message = null);

/// <summary>Private-inputs request.</summary>
public sealed record PrivateInputsRequest(Dictionary<string, double> Weights, double ReservationUtility, double RiskAversion = 0, string? Note = null);

/// <summary>Release request: kind <c>zopa</c>, <c>nash</c> or <c>text</c> (a single negotiating text: package + text).</summary>
public sealed record ReleaseRequest(string Kind, int? Package = null, string? Text = null);
