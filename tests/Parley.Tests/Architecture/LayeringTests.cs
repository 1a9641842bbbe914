using System.Text.RegularExpressions;
using Xunit;

namespace Parley.Tests.Architecture;

/// <summary>
/// The engine's dependencies point one way (docs/decisions/0014-layers.md): Internals → Data → Tariffs → Models →
/// Scenarios/Gravity → Negotiation/Replication → Reports → Application → hosts. Checked on the source, so a new
/// <c>using</c> or qualified name that points up a layer fails here.
/// </summary>
public partial class LayeringTests
{
    private static readonly Dictionary<string, int> s_rank = new()
    {
        ["Internals"] = 0, ["Data"] = 1, ["Tariffs"] = 2, ["Models"] = 3, ["Scenarios"] = 4, ["Gravity"] = 4,
        ["Negotiation"] = 5, ["Replication"] = 5, ["Rounds"] = 5, ["Reports"] = 6, ["Application"] = 7,
    };

    [GeneratedRegex(@"(?<![A-Za-z0-9_.])(?:Parley\.)?(Internals|Data|Tariffs|Models|Scenarios|Gravity|Negotiation|Replication|Rounds|Reports|Application)\.[A-Z]")]
    private static partial Regex QualifiedReference();

    [GeneratedRegex(@"^using\s+(?:static\s+)?(?:\w+\s*=\s*)?Parley\.(\w+)")]
    private static partial Regex UsingDirective();

    [Fact]
    public void A_using_directive_pointing_up_is_caught()
    {
        Assert.Equal("Reports", UsingDirective().Match("using Parley.Reports;").Groups[1].Value);
        Assert.Equal("Application", UsingDirective().Match("using static Parley.Application.ScenarioRunner;").Groups[1].Value);
        Assert.Equal("Reports", QualifiedReference().Match("var x = Reports.OutputDirectory.Prepare(d);").Groups[1].Value);
    }

    private static string EngineRoot => Path.Combine(RepositoryRoot.Path, "src", "Parley");

    [Fact]
    public void Engine_folders_reference_only_their_own_layer_or_lower_ones()
    {
        var violations = new List<string>();
        foreach (var file in Directory.EnumerateFiles(EngineRoot, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(EngineRoot, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal)) continue;
            // Files at the root (ParleyInputException, RunManifest) carry what every layer shares; the manifest holds solver
            // diagnostics, so the root sits with the models.
            var folder = relative.Contains(Path.DirectorySeparatorChar) ? relative[..relative.IndexOf(Path.DirectorySeparatorChar)] : "Models";
            Assert.True(s_rank.ContainsKey(folder), $"{relative}: folder '{folder}' has no layer; add it to the table and to decision 0014");
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                var code = line.TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal)) continue;
                var targets = UsingDirective().Match(code) is { Success: true } u
                    ? [u.Groups[1].Value]
                    : QualifiedReference().Matches(code).Select(m => m.Groups[1].Value);
                foreach (var target in targets)
                    if (s_rank.TryGetValue(target, out var rank) && rank > s_rank[folder]) violations.Add($"{relative}:{lineNumber}: {folder} → {target}");
            }
        }
        Assert.True(violations.Count == 0, "upward references:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Models_know_no_files_yaml_or_console()
    {
        var forbidden = new Regex(@"\b(File|Directory|Path|StreamReader|StreamWriter|FileStream|Console)\.|YamlDotNet|YamlMap|CsvTable|BundledData");
        var hits = Directory.EnumerateFiles(Path.Combine(EngineRoot, "Models"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((l, k) => (f, k, l)))
            .Where(x => !x.l.TrimStart().StartsWith("//", StringComparison.Ordinal) && forbidden.IsMatch(x.l))
            .Select(x => $"{Path.GetRelativePath(EngineRoot, x.f)}:{x.k + 1}: {x.l.Trim()}").ToArray();
        Assert.True(hits.Length == 0, "file, YAML or console access in Models:\n" + string.Join("\n", hits));
    }

    [Fact]
    public void Engine_assembly_does_not_reference_DuckDB()
    {
        var references = typeof(Parley.Scenarios.Scenario).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();
        Assert.DoesNotContain(references, n => n.StartsWith("DuckDB", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(typeof(Parley.DuckDb.RatePanelStore).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("DuckDB", StringComparison.Ordinal));
    }
}

/// <summary>Datasets are cached process-wide (<see cref="Parley.Data.BundledData"/>), so they expose no array a caller could write to.</summary>
public class ReadOnlyDataTests
{
    [Theory]
    [InlineData(typeof(Parley.Data.WorldDataset))]
    [InlineData(typeof(Parley.Data.MultiSectorDataset))]
    public void Cached_dataset_records_expose_no_mutable_arrays(Type type)
    {
        var mutable = type.GetProperties()
            .Where(p => p.PropertyType.IsArray || (p.PropertyType.IsGenericType &&
                p.PropertyType.GetGenericArguments().Any(a => a.IsArray)))
            .Select(p => p.Name).ToArray();
        Assert.True(mutable.Length == 0, $"{type.Name} exposes arrays: {string.Join(", ", mutable)}");
    }

    [Fact]
    public void Solving_a_scenario_leaves_the_cached_dataset_unchanged()
    {
        var d = Parley.Data.BundledData.MultiSector(Parley.Data.BundledData.Cp2015Name)!;
        var before = d.Base.ToArray();
        var t = Parley.Scenarios.MultiSectorScenario.ApplyChanges(d.Base.ToArray(),
            [new Parley.Scenarios.TariffChange(["USA"], ["MEX"], 0.5, 1)], d, "test");
        Assert.NotEqual(before, t);
        Assert.Equal(before, d.Base.ToArray());
    }
}
