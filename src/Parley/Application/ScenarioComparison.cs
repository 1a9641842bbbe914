// `parley compare A.yaml B.yaml …`: several scenarios side by side against one status quo. Every scenario is run with the
// same status quo (the command line's, else the first file's), whose equilibrium is solved once (StatusQuoSolutions),
// and reported as its change from it (docs/models/status-quo.md).
using Parley.Models.Numerics;
using Parley.Scenarios;

namespace Parley.Application;

/// <summary>Runs a comparison of scenario files against one status quo.</summary>
public static class ScenarioComparison
{
    /// <summary>
    /// Loads and runs every file against <paramref name="statusQuo"/> (default: the first file's status quo). All files must
    /// share dataset and model settings; otherwise an input error names the file. Rows follow the first file's <c>report:</c>.
    /// </summary>
    public static (ScenarioComparisonResult Comparison, IReadOnlyList<ScenarioResult> Results) Run(
        IReadOnlyList<string> files, StatusQuo? statusQuo = null, string command = "compare", NewtonOptions? solver = null)
    {
        if (files.Count == 0)
            throw new ParleyInputException("(command line)", null, "FILES", null, "at least one scenario file");
        return Run(files.Select(ScenarioRunner.Load).ToArray(), statusQuo, command, solver);
    }

    /// <summary>As <see cref="Run(IReadOnlyList{string}, StatusQuo?, string, NewtonOptions?)"/> for scenarios already read.</summary>
    public static (ScenarioComparisonResult Comparison, IReadOnlyList<ScenarioResult> Results) Run(
        IReadOnlyList<Scenario> scenarios, StatusQuo? statusQuo, string command, NewtonOptions? solver = null)
    {
        if (scenarios.Count == 0)
            throw new ParleyInputException("(command line)", null, "FILES", null, "at least one scenario file");
        var files = scenarios.Select(s => s.SourceFile ?? s.Name).ToArray();
        var first = scenarios[0];
        foreach (var s in scenarios.Skip(1)) StatusQuoTariffs.RequireSameModel(first, s);
        var sq = statusQuo ?? StatusQuoTariffs.Resolve(first);
        if (sq.Kind == StatusQuoKind.Scenario) StatusQuoTariffs.RequireSameModel(first, ScenarioFile.Read(sq.ScenarioFile!));
        var prepared = scenarios.Select(s => s with { StatusQuo = sq, Report = first.Report }).ToArray();
        // Solve the status quo first (cached), so the parallel runs below share it instead of racing to solve it.
        var results = new ScenarioResult[prepared.Length];
        results[0] = ScenarioRunner.Run(prepared[0], command, solver);
        Parallel.For(1, prepared.Length, k => results[k] = ScenarioRunner.Run(prepared[k], command, solver));

        var labels = Labels(files);
        var view = results[0].StatusQuo!;
        var rows = results.SelectMany((r, k) => ComparisonStatistics.Rows(labels[k], r.StatusQuo!.Rows, view.BaseYear)).ToArray();
        var compared = results.Select((r, k) => new ComparedScenario(labels[k], r.Scenario.Name, r.Scenario.SourceFile)).ToArray();
        return (new ScenarioComparisonResult(sq.Label, view.Description, compared, rows, view.BaseYear), results);
    }

    /// <summary>Short labels: file names without extension, made unique with a counter if two files share a name.</summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<string> files)
    {
        var labels = new List<string>();
        foreach (var f in files)
        {
            var label = Path.GetFileNameWithoutExtension(f);
            var unique = label;
            for (var k = 2; labels.Contains(unique); k++) unique = $"{label}-{k}";
            labels.Add(unique);
        }
        return labels;
    }
}
