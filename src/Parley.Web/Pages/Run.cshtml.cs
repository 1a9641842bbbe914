using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Application;
using Parley.Reports;
using Parley.Web.Runs;

namespace Parley.Web.Pages;

/// <summary>A stored run at its stable URL: a scenario's tables and charts, or the negotiation room.</summary>
public sealed class RunModel(RunStore store) : PageModel
{
    /// <summary>The run.</summary>
    public RunRecord Run { get; private set; } = null!;

    /// <summary>A scenario run's view, else null.</summary>
    public ScenarioView? Scenario { get; private set; }

    /// <summary>A negotiation run's space, else null.</summary>
    public NegotiationSpace? Negotiation { get; private set; }

    /// <summary>The files of the run folder (the CLI's --out files).</summary>
    public IReadOnlyList<string> Files { get; private set; } = [];

    /// <summary>Loads run <paramref name="id"/>, or 404.</summary>
    public IActionResult OnGet(string id)
    {
        if (store.Get(id) is not { } run) return NotFound();
        Run = run;
        Files = Api.RunApi.Files(run);
        if (run.Kind == "scenario") Scenario = JsonSerializer.Deserialize<ScenarioView>(run.ViewJson, ScenarioReport.Json);
        else Negotiation = JsonSerializer.Deserialize<NegotiationSpace>(run.ViewJson, ScenarioReport.Json);
        return Page();
    }

    /// <summary>A number with <paramref name="decimals"/> decimals (invariant culture), or "–".</summary>
    public static string F(double? v, int decimals = 3) => v is { } x ? x.ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture) : "–";
}
