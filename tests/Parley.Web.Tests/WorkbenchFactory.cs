using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Parley.Web.Tests;

/// <summary>The workbench on a test server, with its runs in <paramref name="dataDirectory"/>.</summary>
public sealed class WorkbenchFactory(string dataDirectory) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting(ParleyWebApp.DataDirectoryKey, dataDirectory);
}
