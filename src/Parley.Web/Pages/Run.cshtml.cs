using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Application;
using Parley.Reports;
using Parley.Web.Runs;

namespace Parley.Web.Pages;

/// <summary>A stored run at its stable URL: a scenario's tables and charts, or the negotiation room.</summary>
public sealed class RunModel(RunStore store, WebOptions options) : PageModel
{
    /// <summary>The run.</summary>
    public RunRecord Run { get; private set; } = null!;

    /// <summary>A scenario run's view, else null.</summary>
    public ScenarioView? Scenario { get; private set; }

    /// <summary>A negotiation run's space, else null.</summary>
    public NegotiationSpace? Negotiation { get; private set; }

    /// <summary>The files of the run folder (the CLI's --out files).</summary>
    public IReadOnlyList<string> Files { get; private set; } = [];

    /// <summary>The probability layer's form: the file's <c>uncertainty:</c> block, if any, and the web's bound on draws.</summary>
    public DrawsForm? Draws { get; private set; }

    /// <summary>Loads run <paramref name="id"/>, or 404.</summary>
    public IActionResult OnGet(string id)
    {
        if (store.Get(id) is not { } run) return NotFound();
        Run = run;
        Files = Api.RunApi.Files(run);
        if (run.Kind == "scenario") Scenario = JsonSerializer.Deserialize<ScenarioView>(run.ViewJson, ScenarioReport.Json);
        else
        {
            Negotiation = JsonSerializer.Deserialize<NegotiationSpace>(run.ViewJson, ScenarioReport.Json);
            Draws = DrawsForm.Of(run, options.MaxDraws);
        }
        return Page();
    }

    /// <summary>A number with <paramref name="decimals"/> decimals (invariant culture), or "–".</summary>
    public static string F(double? v, int decimals = 3) => v is { } x ? x.ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture) : "–";
}

/// <summary>What the probability layer's form starts with.</summary>
/// <param name="HasUncertainty">True when the run's file has an <c>uncertainty:</c> block (without one every draw is the same world).</param>
/// <param name="Draws">Default draws: the file's <c>uncertainty.draws</c> up to the cap, else <see cref="DefaultDraws"/> (or the cap if lower).</param>
/// <param name="Seed">Default seed: the file's <c>uncertainty.seed</c>, else 2025.</param>
/// <param name="MaxDraws">The web's cap (<see cref="WebOptions.MaxDraws"/>).</param>
public sealed record DrawsForm(bool HasUncertainty, int Draws, ulong Seed, int MaxDraws)
{
    /// <summary>Draws the form offers when the file sets none: 200.</summary>
    public const int DefaultDraws = 200;

    /// <summary>The form of a stored negotiation run (its input YAML is re-read; a file that no longer parses gets the defaults).</summary>
    public static DrawsForm Of(RunRecord run, int maxDraws)
    {
        Negotiation.Uncertainty.UncertaintySpec? u;
        try
        {
            u = NegotiationRunner.LoadText(run.InputYaml, run.InputName).Uncertainty;
        }
        catch (ParleyInputException)
        {
            u = null;
        }
        return new DrawsForm(u is not null, Math.Min(u?.Draws ?? DefaultDraws, maxDraws), u?.Seed ?? Negotiation.Uncertainty.UncertaintySpec.DefaultSeed, maxDraws);
    }
}
