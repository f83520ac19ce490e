namespace Resurs.Analyzers.Tests.Rules
{
    /// <summary>Merchant-side types the callback tests use: a hand-written Resurs DTO, a SOAP proxy, a settings class.</summary>
    internal static class CallbackTestCode
    {
        /// <summary>A class holding <paramref name="members"/>, after the usings the tests need and before the merchant types.</summary>
        public static string InClass(string members, string preamble = "") => @"
using System;
using System.Collections.Generic;
using Shop;
" + preamble + @"
class Checkout
{
" + members + @"
}
" + Types;

        public const string Types = @"
namespace Shop
{
    public sealed class BookingRequest
    {
        public string? CallbackUrl { get; set; }
        public string? SuccessUrl { get; set; }
        public string? FailUrl { get; set; }
        public System.Uri? CallbackUri { get; set; }
        public string? HealthCheckUrl { get; set; }
        public string? NotifyEmail { get; set; }
        public string? OrderReference { get; set; }
    }

    public sealed record CallbackUrl(string Url);

    public sealed class ConfigurationService
    {
        public void registerEventCallback(string eventType, string uriTemplate, string? basicAuthUserName, string? basicAuthPassword) { }
        public void SetWebhook(System.Uri target) { }
        public void Send(string url) { }
    }
}
";
    }
}
