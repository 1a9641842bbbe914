using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Web.Runs;

namespace Parley.Web.Pages;

/// <summary>Choosing a negotiation file; pricing is a job (<c>POST /api/jobs/negotiation</c>), the room opens at <c>/runs/{id}</c>.</summary>
public sealed class NegotiationModel(Examples examples) : PageModel
{
    /// <summary>The shipped negotiation examples.</summary>
    public IReadOnlyList<string> Examples => examples.Negotiations;
}
