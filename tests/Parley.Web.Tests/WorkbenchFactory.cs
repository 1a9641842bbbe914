using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Parley.Web.Tests;

/// <summary>The workbench on a test server, with its runs in <paramref name="dataDirectory"/>.</summary>
public sealed class WorkbenchFactory(string dataDirectory) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting(ParleyWebApp.DataDirectoryKey, dataDirectory);
}

/// <summary>A test class's own workbench: a data folder, a test server on it and a client, disposed together.</summary>
public abstract class WorkbenchTest : IDisposable
{
    /// <summary>The run folder the server writes into.</summary>
    protected TempFolder Data { get; } = new();

    /// <summary>The test server.</summary>
    protected WorkbenchFactory Factory { get; }

    /// <summary>A client of <see cref="Factory"/>.</summary>
    protected HttpClient Client { get; }

    protected WorkbenchTest()
    {
        Factory = new WorkbenchFactory(Data.Path);
        Client = Factory.CreateClient();
    }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        Data.Dispose();
        GC.SuppressFinalize(this);
    }
}
