using System.Text.RegularExpressions;
using Xunit;

namespace Parley.Tests;

/// <summary>
/// The model book (docs/models/) is what code comments cite: every cited page and equation number must exist, no comment
/// may point at a specification outside the repository, and provenance files must not send readers to folders a clone
/// does not have.
/// </summary>
public partial class ModelBookTests
{
    private static readonly Dictionary<string, string> Pages = new()
    {
        ["OS"] = "one-sector.md", ["MS"] = "multi-sector.md", ["G"] = "structural-gravity.md",
        ["P"] = "ppml-hdfe.md", ["T"] = "tariff-stacking.md", ["B"] = "bargaining.md", ["SQ"] = "status-quo.md",
        ["U"] = "uncertainty.md",
    };

    [GeneratedRegex(@"\((OS|MS|G|P|T|B|SQ|U)-(\d+)\)")]
    private static partial Regex Label();

    [GeneratedRegex(@"^[ \t]*\((OS|MS|G|P|T|B|SQ|U)-(\d+)\)  ", RegexOptions.Multiline)]
    private static partial Regex Definition();

    [GeneratedRegex(@"docs/models/([A-Za-z0-9_.-]+\.md)")]
    private static partial Regex PageReference();

    private static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
            throw new DirectoryNotFoundException("repository root (Parley.slnx) not found above " + AppContext.BaseDirectory);
        }
    }

    private static IEnumerable<string> SourceFiles(params string[] folders) =>
        folders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(Root, f), "*.cs", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !p.EndsWith(nameof(ModelBookTests) + ".cs", StringComparison.Ordinal));

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static Dictionary<string, HashSet<int>> DefinedLabels()
    {
        var defined = new Dictionary<string, HashSet<int>>();
        foreach (var (prefix, page) in Pages)
        {
            var text = File.ReadAllText(Path.Combine(Root, "docs", "models", page));
            var numbers = Definition().Matches(text).Where(m => m.Groups[1].Value == prefix).Select(m => int.Parse(m.Groups[2].Value)).ToList();
            var duplicates = numbers.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"({prefix}-{g.Key})").ToList();
            Assert.True(duplicates.Count == 0, $"docs/models/{page} defines {string.Join(", ", duplicates)} more than once");
            Assert.True(numbers.Count > 0, $"docs/models/{page} defines no equation (a line starting with '({prefix}-n)' and two spaces)");
            defined[prefix] = numbers.ToHashSet();
        }
        return defined;
    }

    [Fact]
    public void Every_equation_number_cited_in_the_code_exists_in_docs_models()
    {
        var defined = DefinedLabels();
        var missing = new List<string>();
        var cited = 0;
        foreach (var file in SourceFiles("src", "tests"))
        {
            var lines = File.ReadAllLines(file);
            for (var n = 0; n < lines.Length; n++)
            {
                foreach (Match m in Label().Matches(lines[n]))
                {
                    cited++;
                    if (!defined[m.Groups[1].Value].Contains(int.Parse(m.Groups[2].Value)))
                        missing.Add($"{Relative(file)}:{n + 1} cites {m.Value}, which docs/models/{Pages[m.Groups[1].Value]} does not define");
                }
                foreach (Match m in PageReference().Matches(lines[n]))
                    if (!File.Exists(Path.Combine(Root, "docs", "models", m.Groups[1].Value)))
                        missing.Add($"{Relative(file)}:{n + 1} cites docs/models/{m.Groups[1].Value}, which does not exist");
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.True(cited >= 100, $"only {cited} equation citations found in src/ and tests/; the scan is probably looking in the wrong place");
    }

    [Fact]
    public void Every_docs_models_page_defines_its_equations_in_order_and_the_index_lists_every_page()
    {
        foreach (var (prefix, page) in Pages)
        {
            var text = File.ReadAllText(Path.Combine(Root, "docs", "models", page));
            var numbers = Definition().Matches(text).Select(m => int.Parse(m.Groups[2].Value)).ToList();
            Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
            Assert.DoesNotContain(Definition().Matches(text), m => m.Groups[1].Value != prefix);
        }
        var index = File.ReadAllText(Path.Combine(Root, "docs", "models", "README.md"));
        foreach (var page in Pages.Values) Assert.Contains($"]({page})", index);
    }

    [Fact]
    public void No_comment_cites_a_specification_outside_the_repository()
    {
        var marker = "spec " + "§"; // built here so that this file does not match itself
        var hits = SourceFiles("src", "tests")
            .SelectMany(f => File.ReadAllLines(f).Select((line, n) => (f, line, n)))
            .Where(x => x.line.Contains(marker, StringComparison.Ordinal) || x.line.Contains("Parley spec", StringComparison.Ordinal))
            .Select(x => $"{Relative(x.f)}:{x.n + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(hits.Count == 0, "cite docs/models/<page>.md (PREFIX-n) instead:\n" + string.Join("\n", hits));
    }

    [Fact]
    public void Provenance_files_do_not_point_into_the_developers_shared_folder()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Root, "data"), "PROVENANCE.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "tests"), "PROVENANCE.md", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        var hits = files.SelectMany(f => File.ReadAllLines(f).Select((line, n) => (f, line, n)))
            .Where(x => Regex.IsMatch(x.line, @"(^|[\s`(])(\.\./)*shared/(research|reference|data)/"))
            .Select(x => $"{Relative(x.f)}:{x.n + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(hits.Count == 0, "point at the repository's own copy instead:\n" + string.Join("\n", hits));
    }
}
