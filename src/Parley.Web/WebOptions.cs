namespace Parley.Web;

/// <summary>How the workbench listens and where it keeps its runs. Validated by <see cref="Validated"/>.</summary>
public sealed record WebOptions
{
    /// <summary>Address to listen on. Default <c>127.0.0.1</c> (this machine only: the workbench has no login).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port. Default 5000; 0 picks a free port (tests).</summary>
    public int Port { get; init; } = 5000;

    /// <summary>Folder of the run database (<c>runs.db</c>) and run files. Default <c>~/.local/share/parley/web</c>
    /// (<c>$XDG_DATA_HOME/parley/web</c> when set).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Largest request body accepted (bytes). Default 1 MiB (1,048,576 bytes); larger bodies get HTTP 413.</summary>
    public long MaxRequestBytes { get; init; } = 1 << 20;

    /// <summary>Most draws one request may ask for (<c>draws=N</c> of <c>/api/negotiate</c> and the room's probability layer).
    /// Default 1,000 (the CLI's own bound is 1,000,000): a web request is bounded, runs one at a time and stops when its
    /// client goes away (docs/web.md, decision 0039).</summary>
    public int MaxDraws { get; init; } = 1000;

    /// <summary>Listen on Kestrel at <see cref="Host"/>:<see cref="Port"/> (false: the host's own server, e.g. a test server).</summary>
    public bool UseKestrel { get; init; } = true;

    /// <summary>Extra service registrations after the workbench's own (the lead plugs issue 13's <c>AddParleyWorkspace</c> in here).</summary>
    public Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? ConfigureServices { get; init; }

    /// <summary>Extra endpoints after the workbench's own (issue 13's <c>MapParleyWorkspace</c>).</summary>
    public Action<Microsoft.AspNetCore.Builder.WebApplication>? ConfigureApp { get; init; }

    /// <summary>The data folder actually used.</summary>
    public string ResolvedDataDirectory => DataDirectory is { Length: > 0 } d ? Path.GetFullPath(d)
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } x ? x
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"), "parley", "web");

    /// <summary>Throws an input error naming the option when a value is out of range.</summary>
    public WebOptions Validated()
    {
        if (Port is < 0 or > 65535) throw new ParleyInputException("(command line)", null, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "a TCP port from 1 to 65535");
        if (!System.Net.IPAddress.TryParse(Host, out _) && Host != "localhost") throw new ParleyInputException("(command line)", null, "--host", Host, "an IP address such as 127.0.0.1");
        if (MaxRequestBytes < 1024) throw new ParleyInputException("(command line)", null, "max request bytes", MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "at least 1024 bytes");
        if (MaxDraws is < 1 or > Negotiation.Uncertainty.UncertaintySpec.MaxDraws)
            throw new ParleyInputException("(command line)", null, "--max-draws", MaxDraws.ToString(System.Globalization.CultureInfo.InvariantCulture), $"a whole number from 1 to {Negotiation.Uncertainty.UncertaintySpec.MaxDraws:N0}");
        return this;
    }

    /// <summary>Reads <c>--port N</c>, <c>--host H</c>, <c>--data-dir DIR</c> and <c>--max-draws N</c> from <paramref name="args"/> (other arguments are left to ASP.NET).</summary>
    public static WebOptions FromArgs(string[] args)
    {
        var o = new WebOptions();
        for (var k = 0; k < args.Length; k++)
        {
            string Next() => k + 1 < args.Length ? args[++k] : throw new ParleyInputException("(command line)", null, args[k], null, "a value after " + args[k]);
            switch (args[k])
            {
                case "--port":
                    var p = Next();
                    o = o with { Port = int.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : throw new ParleyInputException("(command line)", null, "--port", p, "a TCP port from 1 to 65535") };
                    break;
                case "--host": o = o with { Host = Next() }; break;
                case "--data-dir": o = o with { DataDirectory = Next() }; break;
                case "--max-draws":
                    var d = Next();
                    o = o with { MaxDraws = int.TryParse(d, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : throw new ParleyInputException("(command line)", null, "--max-draws", d, $"a whole number from 1 to {Negotiation.Uncertainty.UncertaintySpec.MaxDraws:N0}") };
                    break;
            }
        }
        return o.Validated();
    }
}
