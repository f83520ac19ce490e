using System;
using System.Collections.Generic;
using System.Globalization;

namespace Resurs.Analyzers.Benchmarks.Corpus
{
    /// <summary>Words a web shop's code is made of, and a seeded random source that picks them.</summary>
    internal sealed class Vocabulary
    {
        public static readonly string[] Areas =
        {
            "Orders", "Catalog", "Checkout", "Customers", "Invoicing", "Shipping", "Returns", "Marketing", "Loyalty", "Inventory",
            "Pricing", "Reviews", "Search", "Stores", "Subscriptions", "Vouchers", "Reporting", "Support", "Payments", "Partners",
        };

        public static readonly string[] Entities =
        {
            "Order", "Customer", "Product", "Invoice", "Shipment", "Refund", "Voucher", "Cart", "Review", "Store", "Payment",
            "Subscription", "Campaign", "Supplier", "Warehouse", "Ticket", "Bundle", "GiftCard", "Delivery", "Address",
        };

        public static readonly string[] Parts = { "Line", "Price", "Contact", "Note", "Attachment", "Discount", "Tax", "Slot" };

        public static readonly string[] Words =
        {
            "Primary", "Billing", "Delivery", "Return", "Support", "Image", "Thumbnail", "Manual", "Terms", "Privacy", "Tracking",
            "Receipt", "Feed", "Banner", "Logo", "Partner", "Vendor", "Warranty", "Campaign", "Landing", "Profile", "Avatar",
            "Document", "Preview", "Archive", "Export", "Import", "Report", "Badge", "Gallery", "Video", "Map", "Social",
        };

        public static readonly string[] Statuses = { "Pending", "Active", "Shipped", "Cancelled", "Completed", "OnHold", "Refunded" };

        public static readonly string[] Hosts =
        {
            "www.contoso-shop.se", "cdn.contoso-shop.se", "api.contoso-shop.se", "static.nordicgear.se", "images.fabrikam.se",
            "shop.tailspin.no", "media.wingtiptoys.dk", "assets.northwind.fi", "docs.adventure-works.com", "status.contoso-shop.se",
        };

        public static readonly string[] Swedish =
        {
            "din", "order", "har", "skickats", "betalning", "mottagen", "kunde", "inte", "hittas", "kontakta", "kundtjänst",
            "leverans", "faktura", "varukorg", "tack", "för", "ditt", "köp", "retur", "registrerad", "inom", "dagar", "pris",
            "rabatt", "kampanj", "lager", "slut", "beställning", "bekräftad", "adress", "uppdaterad", "ogiltig", "kod",
        };

        public static readonly string[] English =
        {
            "your", "order", "has", "been", "shipped", "payment", "received", "could", "not", "be", "found", "please", "contact",
            "support", "delivery", "invoice", "cart", "thank", "you", "for", "purchase", "return", "registered", "within", "days",
            "price", "discount", "campaign", "stock", "confirmed", "address", "updated", "invalid", "code", "the", "is", "a",
        };

        private readonly Random random;

        public Vocabulary(int seed) => random = new Random(seed);

        public int Next(int minInclusive, int maxExclusive) => random.Next(minInclusive, maxExclusive);

        public bool Chance(int percent) => random.Next(100) < percent;

        public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        public string Number(int max) => random.Next(max).ToString(CultureInfo.InvariantCulture);

        /// <summary>A sentence of <paramref name="words"/> words from <paramref name="language"/>, capitalised, with a full stop.</summary>
        public string Sentence(IReadOnlyList<string> language, int words)
        {
            var parts = new string[words];
            for (var i = 0; i < words; i++)
            {
                parts[i] = Pick(language);
            }

            var text = string.Join(" ", parts);
            return char.ToUpperInvariant(text[0]) + text.Substring(1) + ".";
        }

        public string Url() => "https://" + Pick(Hosts) + "/" + Pick(Words).ToLowerInvariant() + "/" + Pick(Entities).ToLowerInvariant() + "s";

        /// <summary>A name from <see cref="Words"/> not yet in <paramref name="used"/>, with a number if needed.</summary>
        public string UniqueWord(HashSet<string> used, string suffix)
        {
            for (var attempt = 0; ; attempt++)
            {
                var name = Pick(Words) + (attempt < 8 ? string.Empty : Number(1000)) + suffix;
                if (used.Add(name))
                {
                    return name;
                }
            }
        }
    }
}
