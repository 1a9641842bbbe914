using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Parley.Workspace.Tests.Infrastructure;

/// <summary>One browser-like HTTP session (its own cookies) against a running workspace server.</summary>
public sealed partial class Session : IDisposable
{
    private readonly HttpClient _http;

    public Session(string baseAddress, string name)
    {
        Name = name;
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Name { get; }

    public CookieContainer Cookies { get; }

    public HttpClient Client => _http;

    public async Task<(HttpStatusCode Status, string Body)> Get(string path)
    {
        using var response = await _http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A fresh antiforgery request token for this session's identity.</summary>
    public async Task<string> Token()
    {
        var (_, body) = await Get("/workspace/api/antiforgery");
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    public async Task<(HttpStatusCode Status, string Body)> PostForm(string path, IEnumerable<KeyValuePair<string, string>> fields, string? token = null)
    {
        var all = fields.Append(new("__RequestVerificationToken", token ?? await Token()));
        using var response = await _http.PostAsync(path, new FormUrlEncodedContent(all));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<(HttpStatusCode Status, string Body)> PostJson(string path, object body, string? token = null) =>
        await PostRaw(path, JsonSerializer.Serialize(body, Json), token);

    public async Task<(HttpStatusCode Status, string Body)> PostRaw(string path, string json, string? token = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, contentType) };
        request.Headers.Add("X-CSRF-TOKEN", token ?? await Token());
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<HttpStatusCode> Login(string user, string password)
    {
        var (_, page) = await Get("/workspace/login");
        var (status, _) = await PostForm("/workspace/login", [new("user", user), new("password", password)], FormToken(page));
        return status;
    }

    public async Task<HttpStatusCode> AcceptInvitation(string token, string user, string password)
    {
        var (_, page) = await Get("/workspace/invite?token=" + token);
        var (status, _) = await PostForm("/workspace/invite", [new("token", token), new("user", user), new("password", password)], FormToken(page));
        return status;
    }

    /// <summary>The antiforgery token in a page's form.</summary>
    public static string FormToken(string html) => TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery field in page");

    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public void Dispose() => _http.Dispose();
}
