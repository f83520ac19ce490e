namespace NordicGear.Shop.Payments;

/// <summary>
/// Registers the legacy e-commerce (SOAP ConfigurationService) callbacks at start-up. The URLs below are the kind of
/// values that "work locally" and then never receive a callback from Resurs.
/// </summary>
public sealed class LegacyCallbackRegistration
{
    // RES1001: a tunnel from a developer's laptop, committed by accident. Resurs's firewall blocks tunnels.
    private const string DemoCallbackBase = "https://nordicgear-demo.ngrok-free.app";

    private readonly IConfigurationServiceClient client;

    public LegacyCallbackRegistration(IConfigurationServiceClient client) => this.client = client;

    public void RegisterAll(bool demo)
    {
        // RES1002: the shop's internal address; Resurs calls from the internet and cannot route to 192.168/16.
        client.registerEventCallback("BOOKED", "https://192.168.1.20/resurs/booked?paymentId={paymentId}&digest={digest}", null, null);

        // RES1003: a name only the office LAN can resolve.
        client.registerEventCallback("UNFREEZE", "https://payments.nordicgear.local/resurs/unfreeze?paymentId={paymentId}", null, null);

        // RES1004: plain http; Resurs sends callbacks only over HTTPS (and does not follow the http->https redirect).
        client.registerEventCallback("ANNULMENT", "http://shop.nordicgear.se/resurs/annulment?paymentId={paymentId}", null, null);

        // RES1005: the admin site's port; Resurs calls only port 443.
        client.registerEventCallback("FINALIZATION", "https://shop.nordicgear.se:8443/resurs/finalization?paymentId={paymentId}", null, null);

        if (demo)
        {
            client.registerEventCallback("TEST", DemoCallbackBase + "/resurs/test", null, null);
        }
    }
}

/// <summary>The generated SOAP proxy's shape (ConfigurationWebServiceClient).</summary>
public interface IConfigurationServiceClient
{
    void registerEventCallback(string eventType, string uriTemplate, string? basicAuthUserName, string? basicAuthPassword);
}
