using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Corrections.Web.Features.Notifications;

/// <summary>
/// Addresses of the pages an email points to. The configured PublicBaseUrl wins; without it (a demo,
/// Development) the address this server listens on. There is no request to take a host from: mail is
/// rendered in the background. Production refuses to start sending by SMTP without PublicBaseUrl
/// (see <see cref="NotificationServiceCollectionExtensions"/>).
/// </summary>
public sealed class NotificationLinks(IConfiguration configuration, IServer server)
{
    public string Root
    {
        get
        {
            if (configuration["PublicBaseUrl"]?.Trim().TrimEnd('/') is { Length: > 0 } configured) return configured;
            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (listening is null) return "http://localhost";
            // «http://[::]:8080» or «http://+:80» name every interface, which no browser can open.
            return listening.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost").TrimEnd('/');
        }
    }

    /// <summary>The request's page; it asks for sign-in, so the link alone reveals nothing.</summary>
    public string Request(Guid requestId) => $"{Root}/Requests/{requestId}";
}
