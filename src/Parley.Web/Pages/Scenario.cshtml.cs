using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Parley.Web.Pages;

/// <summary>The scenario form; the run itself is a job (<c>POST /api/jobs/scenario</c>) whose result opens at <c>/runs/{id}</c>.</summary>
public sealed class ScenarioModel : PageModel
{
    /// <summary>The schedule's last revision, the default status quo ("today's tariffs").</summary>
    public string LastRevision => Application.TariffQueries.Bundled.Schedule.LastRevision.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
