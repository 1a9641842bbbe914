namespace Parley.Workspace.Access;

/// <summary>A member's role: a party's delegate (<see cref="Party"/> set), the mediator or an observer.</summary>
/// <param name="Kind">delegate, mediator or observer.</param>
/// <param name="Party">Party code for a delegate, else null.</param>
public sealed record WorkspaceRole(string Kind, string? Party)
{
    /// <summary>Mediator.</summary>
    public static readonly WorkspaceRole Mediator = new("mediator", null);

    /// <summary>Observer.</summary>
    public static readonly WorkspaceRole Observer = new("observer", null);

    /// <summary>True for a party's delegate.</summary>
    public bool IsDelegate => Kind == "delegate";

    /// <summary>Stored text: <c>delegate:USA</c>, <c>mediator</c>, <c>observer</c>.</summary>
    public override string ToString() => IsDelegate ? $"delegate:{Party}" : Kind;

    /// <summary>Parses role text for a workspace with the given parties; throws an input error naming the expectation.</summary>
    public static WorkspaceRole Parse(string text, IReadOnlyList<string> parties, string source = "(command line)")
    {
        if (text == "mediator") return Mediator;
        if (text == "observer") return Observer;
        if (text.StartsWith("delegate:", StringComparison.Ordinal) && parties.Contains(text["delegate:".Length..].ToUpperInvariant()))
            return new WorkspaceRole("delegate", text["delegate:".Length..].ToUpperInvariant());
        throw new ParleyInputException(source, null, "--role", text, "mediator, observer or " + string.Join(" or ", parties.Select(p => "delegate:" + p)));
    }
}
