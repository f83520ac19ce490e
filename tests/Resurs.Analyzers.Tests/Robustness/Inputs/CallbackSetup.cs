using System;
using System.Collections.Generic;

namespace Robustness.Callbacks
{
    public sealed class PaymentRequest
    {
        public string? CallbackUrl { get; set; }
        public string? SuccessUrl { get; set; }
        public string? FailUrl { get; set; }
        public Uri? NotificationUri { get; set; }
        public string? HealthCheckUrl { get; set; }
    }

    public interface ICallbackRegistry
    {
        void RegisterCallback(string eventType, string uriTemplate);
    }

    public static class Endpoints
    {
        public const string SharedCallback = "http://192.168.1.20/resurs/callback";
        public static readonly string Base = "https://10.1.2.3";
        public const string Path = "/resurs/cb";
    }

    public sealed class Checkout
    {
        public void Build(PaymentRequest request, ICallbackRegistry registry, IDictionary<string, string> settings, string orderId, string shop)
        {
            request.CallbackUrl = Endpoints.SharedCallback;
            request.SuccessUrl = "https://shop.nordic.local/success?order=" + orderId;
            request.FailUrl = "https://shop.nordicgear.se:8443/fail";
            request.NotificationUri = new Uri("http://shop.nordicgear.se/notify");
            request.HealthCheckUrl = "http://10.0.0.5/health";
            registry.RegisterCallback("BOOKED", "https://nordicgear-demo.ngrok-free.app/resurs/booked");
            registry.RegisterCallback("UNFREEZE", Endpoints.Base + Endpoints.Path + "?id={paymentId}");
            registry.RegisterCallback("ANNULMENT", string.Format("http://{0}/resurs/annulment", shop));
            settings["paymentCallbackUrl"] = "http://localhost:5000/resurs/callback";
            var webhookUrl = $"https://127.0.0.1:5001/hooks/{orderId}";
            registry.RegisterCallback("FINALIZATION", webhookUrl);
            request.CallbackUrl = "http://shop.nordicgear.se" + "/resurs/" + orderId + "/" + shop + "/" + orderId + "/" + shop + "/" + orderId + "?x=1";
            request.SuccessUrl = new UriBuilder("http", "shop.nordicgear.se", 8080, "/success").Uri.ToString();
        }
    }

    public sealed class Refunds
    {
        public void Register(ICallbackRegistry registry) => registry.RegisterCallback("REFUND", Endpoints.SharedCallback);

        public PaymentRequest Create() => new PaymentRequest
        {
            CallbackUrl = "https://[fd12::7]/refund",
            FailUrl = "https://payments.corp/refund-failed",
        };
    }
}
