using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace Parley.Web.Internals;

/// <summary>Serves the files embedded from <c>wwwroot/</c> (ECharts, scripts, styles) at their relative paths, e.g. <c>/lib/echarts/echarts.min.js</c>.</summary>
internal static class EmbeddedAssets
{
    private static readonly Assembly Assembly = typeof(EmbeddedAssets).Assembly;
    private static readonly HashSet<string> Names = [.. Assembly.GetManifestResourceNames().Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal))];
    private static readonly FileExtensionContentTypeProvider Types = new();

    /// <summary>Maps <c>/lib/**</c>, <c>/js/**</c> and <c>/css/**</c> to the embedded files.</summary>
    public static void MapEmbeddedAssets(this IEndpointRouteBuilder app)
    {
        foreach (var folder in new[] { "lib", "js", "css" })
            app.MapGet($"/{folder}/{{**path}}", (string path) => Serve($"{folder}/{path}")).ExcludeFromDescription();
    }

    private static IResult Serve(string path)
    {
        var name = "wwwroot/" + path;
        if (!Names.Contains(name)) return Results.NotFound();
        var type = Types.TryGetContentType(name, out var t) ? t : "application/octet-stream";
        if (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal)) type += "; charset=utf-8";
        return Results.Stream(Assembly.GetManifestResourceStream(name)!, type);
    }
}
