using System.Security.Authentication;
using NordicGear.Shop.Payments;

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.ConfigureKestrel(kestrel =>
{
    // RES2001: an old load balancer still speaks TLS 1.1, so someone "temporarily" allowed it.
    // Resurs's callbacks would fail the handshake against TLS 1.1.
    kestrel.ConfigureHttpsDefaults(https => https.SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12);

    // RES3004: see CertificateSetup.UseShopCertificate.
    CertificateSetup.UseShopCertificate(kestrel);
});

LegacyTlsSetup.Apply();
CertificateSetup.Apply();

builder.Services.Configure<ResursOptions>(builder.Configuration.GetSection("Resurs"));
builder.Services.AddResursCallbackFiltering();
builder.Services.AddHttpClient<ResursMerchantApiClient>(client => client.BaseAddress = new Uri("https://merchant-api.integration.resurs.com/"))
    .ConfigurePrimaryHttpMessageHandler(ResursMerchantApiClient.CreateHandler);
builder.Services.AddHttpClient("resurs-staging", client => client.BaseAddress = new Uri("https://merchant-api.integration.resurs.com/"))
    .ConfigurePrimaryHttpMessageHandler(CertificateSetup.CreateStagingHandler);

var app = builder.Build();

// Callbacks must come from Resurs (see CallbackIpFilter: RES4001-RES4003, RES4005).
app.UseResursCallbackFiltering();

app.MapPost("/checkout/{orderId}", async (string orderId, ResursMerchantApiClient resurs, CancellationToken cancellationToken) =>
{
    var payment = await resurs.CreatePaymentAsync(orderId, 499.00m, cancellationToken);
    return Results.Ok(payment);
});

// Resurs calls these when a payment is authorized or managed (MAPI callbacks).
app.MapPost("/resurs/callbacks/authorization", (AuthorizationCallback callback, ILogger<Program> logger) =>
{
    logger.LogInformation("Payment {PaymentId} is {Status}", callback.PaymentId, callback.Status);
    return Results.NoContent();
});

// The operations dashboard (RES4004 in ResursConnectivityCheck).
app.MapGet("/health/resurs", async (IHttpClientFactory factory, CancellationToken cancellationToken) =>
    await ResursConnectivityCheck.CanReachResursAsync(factory.CreateClient("resurs-health"), cancellationToken) ? Results.Ok() : Results.StatusCode(503));

app.Run();
