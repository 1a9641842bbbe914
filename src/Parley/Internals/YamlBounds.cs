// Why: YamlDotNet's representation model builds nodes recursively, so a file nested 100,000 levels deep overflows the
// stack and kills the process, and aliases let a few lines stand for billions of nodes. The event parser below is
// iterative; it measures depth and the alias-expanded node count first and refuses the file before a node is built.
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Parley.Internals;

/// <summary>Checks a YAML text against <see cref="InputLimits"/> (depth, node count, one document) before it is loaded.</summary>
internal static class YamlBounds
{
    public static void Check(string file, string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var documents = 0;
        long nodes = 0;
        var anchorSize = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Start)>();
        var lastLine = 1;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                lastLine = Line(e);
                switch (e)
                {
                    case DocumentStart when ++documents > 1:
                        throw new ParleyInputException(file, Line(e), "(document)", null, "a single YAML document (a second one starts here with '---')");
                    case MappingStart or SequenceStart:
                        if (++depth > InputLimits.MaxYamlDepth)
                            throw new ParleyInputException(file, Line(e), "(nesting)", $"more than {InputLimits.MaxYamlDepth} levels",
                                $"mappings and lists nested at most {InputLimits.MaxYamlDepth} levels deep (Parley's input limit)");
                        nodes++;
                        open.Push((AnchorOf((NodeEvent)e), nodes));
                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        var (anchor, start) = open.Pop();
                        if (anchor is not null) anchorSize[anchor] = nodes - start + 1;
                        break;
                    case Scalar s:
                        nodes++;
                        if (AnchorOf(s) is { } a) anchorSize[a] = 1;
                        break;
                    case AnchorAlias alias:
                        nodes += anchorSize.GetValueOrDefault(alias.Value.Value, 1);
                        break;
                }
                if (nodes > InputLimits.MaxYamlNodes)
                    throw new ParleyInputException(file, Line(e), "(size)", $"more than {InputLimits.MaxYamlNodes:N0} nodes",
                        $"at most {InputLimits.MaxYamlNodes:N0} values, lists and mappings, aliases counted as what they repeat (Parley's input limit)");
            }
        }
        catch (YamlException ex)
        {
            throw YamlMap.SyntaxError(file, ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's parser reports some malformed flow collections this way, without a position: name the line
            // after the last well-formed event.
            throw new ParleyInputException(file, lastLine, "(syntax)", null, $"valid YAML after this line (an unclosed '{{' or '[' perhaps; {YamlMap.FirstLine(ex.Message)})");
        }
    }

    private static string? AnchorOf(NodeEvent e) => e.Anchor.IsEmpty ? null : e.Anchor.Value;

    private static int Line(ParsingEvent e) => (int)Math.Max(1, e.Start.Line);
}
