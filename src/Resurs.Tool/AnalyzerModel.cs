using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Net;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure.Config;
using Resurs.Analyzers.Infrastructure.Net;
using Resurs.Analyzers.Rules.Callbacks;
using Resurs.Analyzers.Rules.Configuration;

namespace Resurs.Tool
{
    /// <summary>How Resurs, calling from the internet, sees a URL host.</summary>
    internal enum HostKind
    {
        /// <summary>A public name or address (as far as the name shows).</summary>
        Public,

        /// <summary>A tunnel, relay or request-capture service.</summary>
        Tunnel,

        /// <summary>An IP literal in a private, loopback, link-local, CGNAT or unique-local range.</summary>
        NonPublicAddress,

        /// <summary>localhost, a single label or a LAN/container/tailnet zone.</summary>
        InternalName,

        /// <summary>example.com and the other reserved placeholder names.</summary>
        Placeholder,
    }

    /// <summary>An absolute URL split the way the analyzers split it.</summary>
    internal sealed record ParsedUrl(string Text, string Scheme, string Host, bool Bracketed, int Port, bool ExplicitPort);

    /// <summary>A callback URL found in a configuration file, with its key path and 1-based line.</summary>
    internal sealed record ConfigCallback(string Key, string Url, int Line);

    /// <summary>
    /// The only file of the tool that touches the analyzer assembly's internals (Resurs.Analyzers is referenced with
    /// InternalsVisibleTo). Everything the tool knows about hosts, addresses, Resurs's networks, callback key names and the
    /// analyzers themselves comes through here, so the rules and the tool cannot drift apart and a rename on the analyzer
    /// side is mended in one place.
    /// </summary>
    internal static class AnalyzerModel
    {
        /// <summary>The five IPs Resurs sends callbacks from, in the FAQ's order.</summary>
        public static ImmutableArray<string> DefaultCallbackIps { get; } =
            ResursNetworks.DefaultCallbackIps.Select(ip => ip.ToString()).ToImmutableArray();

        /// <summary>Resurs's own networks (AS35814): allowlisting them is documented and fine.</summary>
        public static ImmutableArray<string> OwnedNetworks { get; } =
            ResursNetworks.OwnedNetworks.Select(network => network.ToString()).ToImmutableArray();

        /// <summary>Parses an absolute URL with the analyzers' scanner; null when <paramref name="text"/> is not one.</summary>
        public static ParsedUrl? ParseUrl(string text)
        {
            text = text.Trim();
            if (!UrlScanner.TryFindUrl(text, 0, out var url, out _) || url.Start != 0 || UrlScanner.NormalizeHost(text, url) is not { } host)
            {
                return null;
            }

            var scheme = text.Substring(0, url.SchemeLength).ToLowerInvariant();
            var explicitPort = UrlScanner.Port(text, url);
            var port = explicitPort > 0 ? explicitPort : scheme == "https" ? 443 : scheme == "http" ? 80 : -1;
            return new ParsedUrl(text, scheme, host, url.Bracketed, port, explicitPort > 0);
        }

        /// <summary>Judges a URL host exactly as the callback rules (RES1001-RES1003) do, with a reason for messages.</summary>
        public static HostKind ClassifyHost(string host, bool bracketed, out string reason)
        {
            var verdict = CallbackHost.Classify(host, bracketed, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, out reason);
            switch (verdict)
            {
                case HostVerdict.Tunnel:
                    HostFacts.TryGetTunnel(host, ImmutableArray<string>.Empty, out var service);
                    reason = TunnelUrls.Explain(service, host);
                    return HostKind.Tunnel;
                case HostVerdict.NonPublicAddress:
                    return HostKind.NonPublicAddress;
                case HostVerdict.InternalName:
                    return HostKind.InternalName;
                case HostVerdict.Placeholder:
                    reason = "a reserved placeholder name that never resolves to a real shop";
                    return HostKind.Placeholder;
                default:
                    return HostKind.Public;
            }
        }

        /// <summary>Null for a publicly routable address, else why it is not ("a private address").</summary>
        public static string? AddressProblem(IPAddress address)
        {
            var value = ToValue(address);
            var kind = AddressClass.Classify(value);
            return kind == AddressKind.Public ? null : AddressClass.Describe(kind);
        }

        /// <summary>Parses a <c>callback_ips</c> list ("a, b, c") into canonical address strings.</summary>
        public static bool TryParseCallbackIps(string text, out ImmutableArray<string> addresses, out string error)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            error = string.Empty;
            foreach (var item in text.Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!IPValue.TryParseStrictV4(item, 0, item.Length, out var value) && !IPValue.TryParseStrictV6(item, out value))
                {
                    error = "'" + item + "' is not an IP address";
                    addresses = ImmutableArray<string>.Empty;
                    return false;
                }

                builder.Add(value.ToString());
            }

            addresses = builder.ToImmutable();
            if (addresses.IsEmpty)
            {
                error = "the list is empty";
                return false;
            }

            return true;
        }

        /// <summary>
        /// Every callback URL in an appsettings*.json or web.config/app.config/*.exe.config, found with the analyzers' own
        /// readers and key-path test (<see cref="CallbackNames.IsCallbackPath"/>).
        /// </summary>
        public static IReadOnlyList<ConfigCallback> FindCallbackUrls(string fileName, string text, out string? error)
        {
            error = null;
            var found = new List<ConfigCallback>();
            var source = SourceText.From(text);
            if (ConfigFileAnalyzer.IsAppSettings(fileName) || fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                var root = JsonReader.Parse(text, out var jsonError);
                if (jsonError is not null || root is null)
                {
                    error = jsonError is null ? "empty file" : jsonError.Message + " at line " + Line(source, jsonError.Position);
                    return found;
                }

                WalkJson(root, new List<string>(), source, found);
                return found;
            }

            var elements = XmlConfigReader.Read(source, out var position, out var message);
            if (elements is null)
            {
                error = (message ?? "not well-formed XML") + " at line " + Line(source, position);
                return found;
            }

            foreach (var element in elements)
            {
                if (element.Path.EndsWith("appsettings/add", StringComparison.Ordinal)
                    && element.Attributes.TryGetValue("key", out var key)
                    && element.Attributes.TryGetValue("value", out var value)
                    && IsCallbackPath(new List<string>(key.Value.Split(':', '.', '/')))
                    && ParseUrl(value.Value) is not null)
                {
                    found.Add(new ConfigCallback(key.Value, value.Value.Trim(), Line(source, value.Span.Start)));
                }
            }

            return found;
        }

        /// <summary>True for the configuration files a scan passes to the analyzers (appsettings*.json, *.config).</summary>
        public static bool IsConfigFile(string fileName) => ConfigFileAnalyzer.IsAppSettings(fileName) || ConfigFileAnalyzer.IsXmlConfig(fileName);

        /// <summary>One instance of every analyzer in the Resurs.Analyzers assembly.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
            typeof(ConfigFileAnalyzer).Assembly.GetTypes()
                .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                    && type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
                .OrderBy(type => type.FullName, StringComparer.Ordinal)
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
                .ToImmutableArray();

        /// <summary>The analyzer assembly's informational version, for reports.</summary>
        public static string AnalyzersVersion =>
            typeof(ConfigFileAnalyzer).Assembly.GetName().Version?.ToString(3) ?? "unknown";

        private static void WalkJson(JsonNode node, List<string> path, SourceText source, List<ConfigCallback> found)
        {
            switch (node.Kind)
            {
                case JsonKind.Object:
                case JsonKind.Array:
                    var index = 0;
                    foreach (var child in node.Children)
                    {
                        path.Add(child.Key ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        WalkJson(child.Value, path, source, found);
                        path.RemoveAt(path.Count - 1);
                        index++;
                    }

                    break;
                case JsonKind.String when node.Text is { } value && IsCallbackPath(path) && ParseUrl(value) is not null:
                    found.Add(new ConfigCallback(string.Join(":", path), value.Trim(), Line(source, node.Start)));
                    break;
            }
        }

        /// <summary>The configuration-file rules' own test (<see cref="CallbackNames.IsCallbackPath"/>), with the default names.</summary>
        private static bool IsCallbackPath(List<string> path) => CallbackNames.Default.IsCallbackPath(path);

        private static int Line(SourceText source, int position) =>
            source.Lines.GetLineFromPosition(Math.Min(Math.Max(position, 0), source.Length)).LineNumber + 1;

        private static IPValue ToValue(IPAddress address)
        {
            var text = address.ToString();
            if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && IPValue.TryParseStrictV4(text, 0, text.Length, out var v4))
            {
                return v4;
            }

            var withoutScope = address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes()).ToString() : text;
            return IPValue.TryParseStrictV6(withoutScope, out var v6) ? v6 : default;
        }
    }
}
