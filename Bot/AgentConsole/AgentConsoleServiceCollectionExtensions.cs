using System.Security.Claims;
using IqosBot.Handoff;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IqosBot.AgentConsole;

public static class AgentConsoleServiceCollectionExtensions
{
    /// <summary>
    /// Cookie sign-in for agents (OpenID Connect when configured), antiforgery for every form and API
    /// post, the SignalR hub and presence (across instances with Redis), and the notifier the handoff services talk to.
    /// </summary>
    public static IServiceCollection AddAgentConsole(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(AgentConsoleOptions.SectionName);
        services.AddOptions<AgentConsoleOptions>().Bind(section);
        services.TryAddEnumerableValidator();
        var oidc = section.GetSection(nameof(AgentConsoleOptions.OpenIdConnect)).Get<AgentOpenIdConnectOptions>() ?? new AgentOpenIdConnectOptions();

        // No default scheme: only the console's endpoints (whose policy names the cookie scheme) pay for
        // authentication; the bot's own endpoints authenticate Bot Framework tokens themselves.
        var authentication = services.AddAuthentication()
            .AddCookie(AgentConsoleDefaults.CookieScheme, options =>
            {
                options.Cookie.Name = "IqosBot.Agent";
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

                // Strict keeps the cookie off every cross-site request; an OpenID Connect sign-in comes
                // back from the provider cross-site, so it needs Lax (POSTs stay CSRF-checked).
                options.Cookie.SameSite = oidc.IsConfigured ? SameSiteMode.Lax : SameSiteMode.Strict;
                options.LoginPath = "/agent/login";
                options.LogoutPath = "/agent/logout";
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => Reject(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Reject(context, StatusCodes.Status403Forbidden);
            });

        if (oidc.IsConfigured)
        {
            authentication.AddOpenIdConnect(AgentConsoleDefaults.OpenIdConnectScheme, options =>
            {
                options.SignInScheme = AgentConsoleDefaults.CookieScheme;
                options.Authority = oidc.Authority;
                options.ClientId = oidc.ClientId;
                options.ClientSecret = oidc.ClientSecret;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.CallbackPath = "/agent/signin-oidc";
                options.SignedOutCallbackPath = "/agent/signout-oidc";
                options.Scope.Add("profile");
                options.MapInboundClaims = false;
                options.Events.OnTokenValidated = context =>
                {
                    // The console knows agents by a stable account name and a display name, whatever the provider calls them.
                    var principal = context.Principal!;
                    var userName = principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue("sub")!;
                    var displayName = principal.FindFirstValue("name") ?? userName;
                    var identity = (ClaimsIdentity)principal.Identity!;
                    identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, userName));
                    identity.AddClaim(new Claim(ClaimTypes.Name, displayName));
                    return Task.CompletedTask;
                };
            });
        }

        services.AddAuthorizationBuilder().AddPolicy(AgentConsoleDefaults.Policy, policy =>
        {
            policy.AddAuthenticationSchemes(AgentConsoleDefaults.CookieScheme);
            policy.RequireAuthenticatedUser();
            policy.RequireClaim(ClaimTypes.NameIdentifier);
            if (oidc.IsConfigured && !string.IsNullOrWhiteSpace(oidc.RequiredRole))
            {
                policy.RequireAssertion(context => context.User.HasClaim(claim => (claim.Type is "roles" or "role" or ClaimTypes.Role) && claim.Value == oidc.RequiredRole)
                                                   || context.User.Identity?.AuthenticationType == AgentConsoleDefaults.CookieScheme);
            }
        });

        // Data-subject requests: an agent as above who also holds the privacy role (an account's Roles, or the provider's role claim).
        services.AddAuthorizationBuilder().AddPolicy(AgentConsoleDefaults.PrivacyPolicy, policy =>
        {
            policy.AddAuthenticationSchemes(AgentConsoleDefaults.CookieScheme);
            policy.RequireAuthenticatedUser();
            policy.RequireClaim(ClaimTypes.NameIdentifier);
            policy.RequireAssertion(context => context.User.HasClaim(claim =>
                claim.Type is "roles" or "role" or ClaimTypes.Role && (claim.Value == AgentConsoleDefaults.PrivacyRole || claim.Value == oidc.PrivacyRole)));
        });

        // The team's insights: an agent as above who also holds the lead role.
        services.AddAuthorizationBuilder().AddPolicy(AgentConsoleDefaults.LeadPolicy, policy =>
        {
            policy.AddAuthenticationSchemes(AgentConsoleDefaults.CookieScheme);
            policy.RequireAuthenticatedUser();
            policy.RequireClaim(ClaimTypes.NameIdentifier);
            policy.RequireAssertion(context => context.User.HasClaim(claim =>
                claim.Type is "roles" or "role" or ClaimTypes.Role && (claim.Value == AgentConsoleDefaults.LeadRole || claim.Value == oidc.LeadRole)));
        });

        services.AddAntiforgery(options =>
        {
            options.HeaderName = AgentConsoleDefaults.CsrfHeader;
            options.Cookie.Name = "IqosBot.Agent.Csrf";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAgentHubAndPresence(configuration);
        services.AddSingleton<IAgentNotifier, HubAgentNotifier>();
        services.AddSingleton<IPasswordHasher<AgentAccount>, PasswordHasher<AgentAccount>>();
        services.AddSingleton<AgentDirectory>();
        services.AddSingleton<SignInLockout>();
        return services;
    }

    private static void TryAddEnumerableValidator(this IServiceCollection services)
        => services.AddSingleton<IValidateOptions<AgentConsoleOptions>, AgentConsoleOptionsValidator>();

    /// <summary>The console's script and the hub get a status code they can act on; a browser asking for a page is sent to sign in.</summary>
    private static Task Reject(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/agent/api") || path.StartsWithSegments("/agent/hub") || status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Refuses accounts that cannot sign in (no name, no hash) and duplicate names at startup, not at an agent's first try.</summary>
internal sealed class AgentConsoleOptionsValidator : IValidateOptions<AgentConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentConsoleOptions options)
    {
        var failures = new List<string>();
        foreach (var account in options.Accounts)
        {
            if (string.IsNullOrWhiteSpace(account.UserName) || string.IsNullOrWhiteSpace(account.DisplayName) || string.IsNullOrWhiteSpace(account.PasswordHash))
            {
                failures.Add($"AgentConsole:Accounts: every account needs UserName, DisplayName and PasswordHash ('{account.UserName}').");
            }
        }

        foreach (var duplicate in options.Accounts.GroupBy(account => account.UserName, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            failures.Add($"AgentConsole:Accounts: '{duplicate.Key}' appears more than once.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
