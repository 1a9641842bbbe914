using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Web.Runs;

namespace Parley.Web.Pages;

/// <summary>The stored runs; deleting calls <c>DELETE /api/runs/{id}</c>.</summary>
public sealed class RunsModel(RunStore store) : PageModel
{
    /// <summary>The runs, newest first.</summary>
    public IReadOnlyList<(string Id, string Kind, string Name, string CreatedUtc)> List { get; private set; } = [];

    /// <summary>The database file.</summary>
    public string Database => Path.Combine(store.DataDirectory, "runs.db");

    /// <summary>Loads the list.</summary>
    public void OnGet() => List = store.List();
}
