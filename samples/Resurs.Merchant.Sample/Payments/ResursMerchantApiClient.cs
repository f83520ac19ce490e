using System.Net.Http.Json;
using System.Security.Authentication;
using Microsoft.Extensions.Options;

namespace NordicGear.Shop.Payments;

public sealed class ResursOptions
{
    public string StoreId { get; set; } = string.Empty;

    public string PublicBaseUrl { get; set; } = "https://shop.nordicgear.se";
}

/// <summary>Talks to Resurs Merchant API 2.0 (create payment, with the callback URLs Resurs calls back on).</summary>
public sealed class ResursMerchantApiClient
{
    private readonly HttpClient http;
    private readonly ResursOptions options;

    public ResursMerchantApiClient(HttpClient http, IOptions<ResursOptions> options)
    {
        this.http = http;
        this.options = options.Value;
    }

    public static HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        SslOptions =
        {
            // RES2001: a numeric cast hides TLS 1.0 (192) in the allowed protocols.
            EnabledSslProtocols = (SslProtocols)192 | SslProtocols.Tls12,
        },
    };

    public async Task<CreatePaymentResponse?> CreatePaymentAsync(string orderId, decimal amount, CancellationToken cancellationToken)
    {
        var request = new CreatePaymentRequest(
            options.StoreId,
            orderId,
            amount,
            new PaymentOptions(
                new Callbacks(
                    new CallbackUrl(options.PublicBaseUrl + "/resurs/callbacks/authorization"),
                    new CallbackUrl(options.PublicBaseUrl + "/resurs/callbacks/management"))));
        using var response = await http.PostAsJsonAsync("v2/payments", request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CreatePaymentResponse>(cancellationToken);
    }
}

public sealed record CreatePaymentRequest(string StoreId, string OrderReference, decimal Amount, PaymentOptions Options);

public sealed record PaymentOptions(Callbacks Callbacks);

public sealed record Callbacks(CallbackUrl Authorization, CallbackUrl Management);

public sealed record CallbackUrl(string Url);

public sealed record CreatePaymentResponse(Guid Id, string Status);

public sealed record AuthorizationCallback(Guid PaymentId, string Status, DateTimeOffset Created);
