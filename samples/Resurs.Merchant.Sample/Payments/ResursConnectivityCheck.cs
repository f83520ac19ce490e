namespace NordicGear.Shop.Payments;

/// <summary>The operations dashboard's "can we reach Resurs?" check.</summary>
public static class ResursConnectivityCheck
{
    // RES4004: "DNS was flaky in the old data centre", so the check calls Merchant API by address. The address behind
    // merchant-api.resurs.com changes, and Resurs's certificate names the host, not the IP.
    private const string MerchantApi = "https://192.121.110.20/";

    public static async Task<bool> CanReachResursAsync(HttpClient client, CancellationToken cancellationToken)
    {
        client.BaseAddress ??= new Uri(MerchantApi);
        using var response = await client.GetAsync("v2/stores", cancellationToken);
        return response.IsSuccessStatusCode;
    }
}
