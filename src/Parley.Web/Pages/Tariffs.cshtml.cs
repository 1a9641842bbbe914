using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Parley.Web.Pages;

/// <summary>The tariff explorer; its data comes from <c>/api/tariffs/*</c>.</summary>
public sealed class TariffsModel : PageModel
{
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The schedule's last revision.</summary>
    public string LastRevision => D(Application.TariffQueries.Bundled.Schedule.LastRevision);

    /// <summary>The schedule's first date.</summary>
    public string FirstDate => D(Tariffs.TariffSchedule.FirstDate);
}
