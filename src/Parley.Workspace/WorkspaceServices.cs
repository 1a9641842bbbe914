// The two lines a host adds (decision 0026): services.AddParleyWorkspace(options) and app.MapParleyWorkspace().
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parley.Workspace.Access;
using Parley.Workspace.Storage;

namespace Parley.Workspace;

/// <summary>Registration of the workspace's services.</summary>
public static class WorkspaceServices
{
    /// <summary>Adds the database, Identity (hashed passwords, lockout, cookie), antiforgery and the access policy.</summary>
    public static IServiceCollection AddParleyWorkspace(this IServiceCollection services, WorkspaceOptions options)
    {
        var o = options.Validated();
        services.AddSingleton(o);
        services.AddDbContext<WorkspaceDb>(b => WorkspaceStore.Configure(b, o.Database));
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<WorkspaceUser>(i =>
            {
                i.Lockout.MaxFailedAccessAttempts = o.MaxFailedSignIns;
                i.Lockout.DefaultLockoutTimeSpan = o.LockoutDuration;
                i.Lockout.AllowedForNewUsers = true;
                i.Password.RequiredLength = 10;
                i.Password.RequireNonAlphanumeric = false; // length over composition rules (NIST SP 800-63B §5.1.1.2)
                i.Password.RequireDigit = false;
                i.Password.RequireUppercase = false;
                i.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<WorkspaceDb>()
            .AddSignInManager();
        services.ConfigureApplicationCookie(c =>
        {
            c.Cookie.Name = "parley.workspace";
            c.Cookie.HttpOnly = true;
            c.Cookie.SameSite = SameSiteMode.Strict;
            c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            c.LoginPath = "/workspace/login";
            c.SlidingExpiration = true;
            c.ExpireTimeSpan = TimeSpan.FromHours(8);
            c.Events.OnRedirectToLogin = ctx =>
            {
                if (ctx.Request.Path.StartsWithSegments("/workspace/api")) ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(a =>
        {
            a.HeaderName = WorkspaceEndpoints.AntiforgeryHeader;
            a.FormFieldName = WorkspaceEndpoints.AntiforgeryField;
            a.Cookie.Name = "parley.workspace.af";
            a.Cookie.SameSite = SameSiteMode.Strict;
            a.Cookie.HttpOnly = true;
        });
        if (o.KeysDirectory is not null) services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(o.KeysDirectory)).SetApplicationName("parley-workspace");
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationHandler, WorkspaceAccessHandler>();
        services.AddScoped<WorkspaceService>();
        services.AddHostedService<SchemaOnStart>();
        return services;
    }

    /// <summary>Creates the schema and triggers before the host serves requests.</summary>
    private sealed class SchemaOnStart(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            using var scope = services.CreateScope();
            SchemaSetup.Ensure(scope.ServiceProvider.GetRequiredService<WorkspaceDb>());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
