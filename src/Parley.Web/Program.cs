namespace Parley.Web;

/// <summary><c>dotnet run --project src/Parley.Web [-- --port N --data-dir DIR]</c>.</summary>
public sealed class Program
{
    private Program() { }

    /// <summary>Starts the workbench and blocks until Ctrl+C; exit 2 on bad options.</summary>
    public static int Main(string[] args)
    {
        try
        {
            var app = ParleyWebApp.Create(args, WebOptions.FromArgs(args));
            Console.WriteLine($"Parley workbench: open {ServeUrl(app)} (Ctrl+C stops it)");
            app.Run();
            return 0;
        }
        catch (ParleyInputException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    /// <summary>The address the app will listen on, as a browser opens it.</summary>
    public static string ServeUrl(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        var o = (WebOptions)app.Services.GetService(typeof(WebOptions))!;
        return $"http://{o.Host}:{o.Port}/";
    }
}
