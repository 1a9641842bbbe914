// Why: the extractor reads sentences, so everything that is not an English article's prose must stop here, with one
// line saying why: nothing (empty), bytes that are not text (binary), another language, or a file too large to be one
// article. HTML is turned into its paragraphs with AngleSharp (a maintained HTML5 parser, no network), walking the tree
// without recursion so that deep nesting cannot exhaust the stack.
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Rounds;

/// <summary>Article text as the extractor reads it: plain text, one paragraph per line.</summary>
public static class ArticleText
{
    /// <summary>Largest article read: 1 MiB of characters (a long wire report is under 20 KiB).</summary>
    public const int MaxChars = 1 << 20;

    private static readonly HashSet<string> s_skipped = new(StringComparer.OrdinalIgnoreCase)
        { "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button", "svg", "head", "iframe" };

    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
        { "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "article", "td", "th", "br", "tr", "dd", "dt", "figcaption", "time", "header", "main" };

    private static readonly string[] s_functionWords = ["the", "and", "of", "to", "in", "a", "on", "for", "with", "that", "is", "was", "said", "by"];

    /// <summary>
    /// Checks <paramref name="raw"/> and returns its prose (HTML converted). Throws <see cref="ParleyInputException"/> naming
    /// <paramref name="source"/> when the text is empty, binary, too large or not English.
    /// </summary>
    public static string Prepare(string raw, string source)
    {
        if (raw.Length > MaxChars)
            throw new ParleyInputException(source, null, "(size)", $"{raw.Length:N0} characters", $"one article of at most {MaxChars:N0} characters");
        if (string.IsNullOrWhiteSpace(raw))
            throw new ParleyInputException(source, null, "(article)", null, "the text of a news article (the input is empty)");
        var control = raw.Count(c => (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c == '\uFFFD');
        if (control > 0 && control * 100 >= raw.Length || raw.Contains('\0'))
            throw new ParleyInputException(source, null, "(article)", $"{control} control or undecodable characters",
                "a plain-text or HTML article in UTF-8 (this looks like a binary file)");
        var text = LooksLikeHtml(raw) ? FromHtml(raw, source) : raw;
        // Other control characters and the Unicode line separators become spaces, so that a sentence stays one line.
        text = string.Concat(text.Replace("\r\n", "\n").Replace('\r', '\n')
            .Select(c => c != '\n' && (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' or '\uFEFF') ? ' ' : c));
        text = string.Join('\n', text.Split('\n')
            .Select(l => string.Join(' ', l.Split([' ', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)))
            .Where(l => l.Length > 0));
        if (text.Length == 0)
            throw new ParleyInputException(source, null, "(article)", null, "an article with text (the HTML holds no paragraphs)");
        RequireEnglish(text, source);
        return text;
    }

    /// <summary>Whether the text is an HTML document or fragment (starts with a tag and holds a paragraph-level element).</summary>
    public static bool LooksLikeHtml(string raw)
    {
        var head = raw.AsSpan().TrimStart();
        if (head.Length == 0 || head[0] != '<') return false;
        var sample = raw.Length > 4096 ? raw[..4096] : raw;
        return sample.Contains("<html", StringComparison.OrdinalIgnoreCase) || sample.Contains("<p", StringComparison.OrdinalIgnoreCase)
            || sample.Contains("<body", StringComparison.OrdinalIgnoreCase) || sample.Contains("<div", StringComparison.OrdinalIgnoreCase)
            || sample.Contains("<!doctype", StringComparison.OrdinalIgnoreCase) || sample.Contains("<article", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Deepest element nesting read: 256 levels (news pages nest under 40). HTML5 tree building costs time in
    /// proportion to the depth for every tag, so a page nested deeper is refused before parsing, not parsed for minutes.</summary>
    public const int MaxHtmlDepth = 256;

    private static readonly HashSet<string> s_void = new(StringComparer.OrdinalIgnoreCase)
        { "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param" };

    /// <summary>An upper estimate of the element nesting of <paramref name="html"/>: open tags not closed, void elements excluded.</summary>
    public static int NestingDepth(string html)
    {
        int depth = 0, deepest = 0;
        for (var i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end])) end++;
            if (end == start || !char.IsAsciiLetter(html[start])) continue;
            var name = html[start..end];
            if (closing) depth = Math.Max(0, depth - 1);
            else if (!s_void.Contains(name))
            {
                var close = html.IndexOf('>', end);
                if (close > 0 && html[close - 1] == '/') continue; // <x/>
                deepest = Math.Max(deepest, ++depth);
            }
        }
        return deepest;
    }

    /// <summary>The visible prose of an HTML page: one line per block element (paragraph, heading, list item); scripts,
    /// styles, navigation and footers dropped. Throws <see cref="ParleyInputException"/> when the page nests deeper than
    /// <see cref="MaxHtmlDepth"/>.</summary>
    public static string FromHtml(string html, string source = "(html)")
    {
        var depth = NestingDepth(html);
        if (depth > MaxHtmlDepth)
            throw new ParleyInputException(source, null, "(html)", $"{depth} nested elements", $"an HTML page nested at most {MaxHtmlDepth} elements deep");
        var document = new HtmlParser().ParseDocument(html);
        var text = new System.Text.StringBuilder();
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((document.Body ?? (INode)document.DocumentElement, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (exit)
            {
                text.Append('\n');
                continue;
            }
            switch (node)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement e when s_skipped.Contains(e.LocalName):
                    break;
                case IElement e:
                    var block = s_blocks.Contains(e.LocalName);
                    if (block)
                    {
                        text.Append('\n');
                        stack.Push((e, true));
                    }
                    for (var k = e.ChildNodes.Length - 1; k >= 0; k--) stack.Push((e.ChildNodes[k], false));
                    break;
                default:
                    for (var k = node.ChildNodes.Length - 1; k >= 0; k--) stack.Push((node.ChildNodes[k], false));
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>English prose: mostly Latin letters, and common English function words among the first 400 words.</summary>
    private static void RequireEnglish(string text, string source)
    {
        var letters = text.Where(char.IsLetter).Take(20000).ToArray();
        var latin = letters.Count(c => c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF));
        var words = text.Split([' ', '\n', ',', '.', '"', '“', '”', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Take(400)
            .Select(w => w.ToLowerInvariant()).ToArray();
        var function = words.Count(w => s_functionWords.Contains(w));
        var english = letters.Length > 0 && latin * 10 >= letters.Length * 8 && words.Length > 0 && function * 100 >= words.Length * 8
                      && words.Distinct().Count(w => s_functionWords.Contains(w)) >= 2;
        if (!english)
            throw new ParleyInputException(source, null, "(article)", Sample(text),
                "a news article in English (Parley's patterns are English; this text has too few English words)");
    }

    private static string Sample(string text)
    {
        var first = text.Split('\n')[0];
        return first.Length <= 40 ? first : first[..40];
    }
}
