using System.Net;
using ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders;

namespace NordicGear.Shop.Payments;

/// <summary>
/// Lets only Resurs reach /resurs/callbacks. Written in a hurry during a callback outage behind the new load balancer,
/// and never revisited: every shortcut below is one the FAQ warns about.
/// </summary>
public sealed class CallbackIpFilter
{
    // RES4002: three of the five addresses Resurs sends callbacks from; callbacks from 51.21.206.32 and 51.21.39.192
    // are rejected with 403 and the orders stay unpaid.
    private static readonly IPAddress[] ResursCallbackIps =
    {
        IPAddress.Parse("192.121.110.100"),
        IPAddress.Parse("13.50.187.51"),
        IPAddress.Parse("51.21.32.255"),
    };

    // RES4001: "some callbacks come from other AWS addresses", so the whole EC2 Stockholm block went in. Any AWS
    // customer in eu-north-1 can now post a fake "AUTHORIZED" callback.
    private static readonly IPNetwork[] ResursCloudNetworks = { IPNetwork.Parse("51.21.0.0/16") };

    private readonly RequestDelegate next;
    private readonly ILogger<CallbackIpFilter> logger;

    public CallbackIpFilter(RequestDelegate next, ILogger<CallbackIpFilter> logger)
    {
        this.next = next;
        this.logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is { IsIPv4MappedToIPv6: true })
        {
            remote = remote.MapToIPv4();
        }

        var admitted = remote is not null
            && (ResursCallbackIps.Contains(remote) || ResursCloudNetworks.Any(network => network.Contains(remote)) || await HasResursHostNameAsync(context));
        if (!admitted)
        {
            logger.LogWarning("Rejected a callback from {Address}", remote);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await next(context);
    }

    /// <summary>The fallback "for when Resurs adds an address": trust anything whose reverse DNS name says resurs.se.</summary>
    private static async Task<bool> HasResursHostNameAsync(HttpContext context)
    {
        // RES4003: whoever owns an address chooses its reverse DNS name; Resurs's FAQ says not to rely on it.
        var entry = await Dns.GetHostEntryAsync(context.Connection.RemoteIpAddress!);
        return entry.HostName.EndsWith(".resurs.se", StringComparison.OrdinalIgnoreCase);
    }
}

public static class CallbackFilteringExtensions
{
    /// <summary>Behind the load balancer every callback came from its address, so the forwarded headers are trusted.</summary>
    public static IServiceCollection AddResursCallbackFiltering(this IServiceCollection services) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();

            // RES4005: with both lists empty, anyone can send "X-Forwarded-For: 192.121.110.100" and pass the filter above.
            options.KnownProxies.Clear();
        });

    public static IApplicationBuilder UseResursCallbackFiltering(this IApplicationBuilder app) =>
        app.UseForwardedHeaders()
            .UseWhen(context => context.Request.Path.StartsWithSegments("/resurs/callbacks"), branch => branch.UseMiddleware<CallbackIpFilter>());
}
