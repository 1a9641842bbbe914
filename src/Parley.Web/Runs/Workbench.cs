// The host's glue between a request and the application layer: solve (through the cache), write the run folder with
// the CLI's own report writers, store the row. No analysis happens here.
using System.Text.Json;
using Parley.Application;
using Parley.Negotiation;
using Parley.Reports;
using Parley.Scenarios;

namespace Parley.Web.Runs;

/// <summary>Solves scenarios and negotiations for the web host and stores them as runs.</summary>
public sealed class Workbench(ResultCache cache, RunStore store)
{
    /// <summary>The run store.</summary>
    public RunStore Store => store;

    /// <summary>Solves a scenario (cached by its YAML).</summary>
    public ScenarioResult Simulate(Scenario scenario, string yaml) =>
        cache.GetOrCompute(ResultCache.Key("scenario", yaml), () => ScenarioRunner.Run(scenario, "parley serve: simulate " + scenario.SourceFile));

    /// <summary>Prices a negotiation (cached by its YAML and options); <paramref name="progress"/> gets (done, total).</summary>
    public NegotiationResult Negotiate(NegotiationSpec spec, string yaml, NegotiationRunOptions options, Action<int, int>? progress = null) =>
        cache.GetOrCompute(ResultCache.Key("negotiation", yaml, $"sensitivity={options.Sensitivity}"), () => NegotiationRunner.Run(spec, options, progress));

    /// <summary>Solves and stores a scenario run; returns its id.</summary>
    public string StoreScenario(Scenario scenario, string yaml, string inputName)
    {
        var result = Simulate(scenario, yaml);
        var view = ScenarioView.Of(result);
        var id = RunStore.NewId();
        using (var output = OutputDirectory.Open(store.FolderOf(id), "run folder")) ScenarioReport.Write(result, output);
        store.Add(new RunRecord(id, "scenario", scenario.Name, RunManifest.Now, inputName, yaml, Manifest(id), ScenarioReport.ResultJson(result),
            JsonSerializer.Serialize(view, ScenarioReport.Json)));
        return id;
    }

    /// <summary>Prices and stores a negotiation run; returns its id.</summary>
    public string StoreNegotiation(NegotiationSpec spec, string yaml, string inputName, NegotiationRunOptions options, Action<int, int>? progress = null)
    {
        var result = Negotiate(spec, yaml, options, progress);
        var id = RunStore.NewId();
        using (var output = OutputDirectory.Open(store.FolderOf(id), "run folder"))
            NegotiationReport.Write(result, NegotiationRunner.Manifest(result, "parley serve: negotiate " + inputName), output);
        store.Add(new RunRecord(id, "negotiation", spec.Name, RunManifest.Now, inputName, yaml, Manifest(id), NegotiationReport.SolutionsJson(result),
            JsonSerializer.Serialize(NegotiationSpace.Of(result), ScenarioReport.Json)));
        return id;
    }

    private string Manifest(string id) => File.ReadAllText(Path.Combine(store.FolderOf(id), OutputDirectory.ManifestFile));
}
