using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Config;
using Resurs.Analyzers.Infrastructure.Net;
using Resurs.Analyzers.Options;
using Resurs.Analyzers.Rules.Callbacks;
using Resurs.Analyzers.Rules.Network;
using Resurs.Analyzers.Rules.Tls;

namespace Resurs.Analyzers.Rules.Configuration
{
    /// <summary>
    /// The code rules, applied to appsettings*.json and web.config/app.config/*.exe.config passed as AdditionalFiles:
    /// same IDs, options and messages, located at the JSON string or XML attribute value. A file that does not parse
    /// gives one RES9002 and nothing else.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed partial class ConfigFileAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic properties of a config-file fix: an absolute edit in the file.</summary>
        public const string EditStartProperty = "EditStart";
        public const string EditLengthProperty = "EditLength";
        public const string ReplaceProperty = "Replace";
        public const string TitleProperty = "Title";

        /// <summary>Kestrel's weak SslProtocols names, with the protocol bits each stands for.</summary>
        private static readonly ImmutableDictionary<string, long> WeakKestrelProtocols = ImmutableDictionary.CreateRange(
            StringComparer.OrdinalIgnoreCase,
            new[]
            {
                new KeyValuePair<string, long>("Ssl2", TlsProtocolFacts.Ssl2),
                new KeyValuePair<string, long>("Ssl3", TlsProtocolFacts.Ssl3),
                new KeyValuePair<string, long>("Tls", TlsProtocolFacts.Tls10),
                new KeyValuePair<string, long>("Tls11", TlsProtocolFacts.Tls11),
                new KeyValuePair<string, long>("Default", TlsProtocolFacts.Ssl3 | TlsProtocolFacts.Tls10),
            });

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.RES1001, Descriptors.RES1002, Descriptors.RES1003, Descriptors.RES1004, Descriptors.RES1005,
            Descriptors.RES2001, Descriptors.RES2003, Descriptors.RES3001, Descriptors.RES3003, Descriptors.RES4001, Descriptors.RES4002,
            Descriptors.RES4004, Descriptors.RES4005, Descriptors.RES9002).AddRange(Descriptors.ReturnAddressVariants);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var policy = AnalysisPolicy.Create(start.Compilation, start.Options);
                var networkNames = new NetworkNames();
                start.RegisterAdditionalFileAction(fileContext => new FileAnalysis(fileContext, policy, networkNames).Run());
            });
        }

        /// <summary>The kinds of file this analyzer reads, by name.</summary>
        internal static bool IsAppSettings(string fileName) =>
            fileName.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

        internal static bool IsXmlConfig(string fileName) =>
            fileName.Equals("web.config", StringComparison.OrdinalIgnoreCase)
            || fileName.Equals("app.config", StringComparison.OrdinalIgnoreCase)
            || fileName.EndsWith(".exe.config", StringComparison.OrdinalIgnoreCase);

        private sealed partial class FileAnalysis
        {
            private readonly AdditionalFileAnalysisContext context;
            private readonly AnalysisPolicy policy;
            private readonly NetworkNames networkNames;
            private readonly AdditionalText file;
            private readonly string fileName;
            private SourceText? text;

            public FileAnalysis(AdditionalFileAnalysisContext context, AnalysisPolicy policy, NetworkNames networkNames)
            {
                this.context = context;
                this.policy = policy;
                this.networkNames = networkNames;
                file = context.AdditionalFile;
                fileName = Path.GetFileName(file.Path) ?? string.Empty;
            }

            /// <summary>appsettings.Development.json and *.Local.json hold development-only settings.</summary>
            private bool IsDevelopmentFile =>
                fileName.IndexOf(".Development.", StringComparison.OrdinalIgnoreCase) >= 0 || fileName.EndsWith(".Local.json", StringComparison.OrdinalIgnoreCase);

            public void Run()
            {
                var json = IsAppSettings(fileName);
                if (!json && !IsXmlConfig(fileName))
                {
                    return;
                }

                text = file.GetText(context.CancellationToken);
                if (text is null || text.Length == 0 || IsBlank(text))
                {
                    return;
                }

                if (json)
                {
                    var root = JsonReader.Parse(text.ToString(), out var error);
                    if (error is not null)
                    {
                        ReportUnreadable(error.Position, error.Message);
                    }
                    else if (root is not null)
                    {
                        WalkJson(root, new List<string>());
                    }

                    return;
                }

                var elements = XmlConfigReader.Read(text, out var errorPosition, out var errorMessage);
                if (elements is null)
                {
                    ReportUnreadable(errorPosition, errorMessage ?? "not well-formed XML");
                    return;
                }

                foreach (var element in elements)
                {
                    WalkXml(element);
                }

                CheckIpSecurity(elements);
            }

            private void WalkJson(JsonNode node, List<string> path)
            {
                if (node.Kind == JsonKind.Array && IsAddressArray(node))
                {
                    var entries = new List<(AddressItem Item, string Text, TextSpan Span)>();
                    foreach (var child in node.Children)
                    {
                        AddAddresses(child.Value.Text!, TextSpan.FromBounds(child.Value.Start, child.Value.End), entries);
                    }

                    CheckAllowlist(entries, path, new TextSpan(node.Start, 1), elements: true);
                    return;
                }

                switch (node.Kind)
                {
                    case JsonKind.Object:
                    case JsonKind.Array:
                        var index = 0;
                        foreach (var child in node.Children)
                        {
                            path.Add(child.Key ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                            if (node.Kind == JsonKind.Array && child.Value.Kind == JsonKind.String && IsKestrelProtocols(path, 1))
                            {
                                CheckKestrelProtocol(child.Value, node);
                            }
                            else
                            {
                                WalkJson(child.Value, path);
                            }

                            path.RemoveAt(path.Count - 1);
                            index++;
                        }

                        break;
                    case JsonKind.String:
                        var value = node.Text!;
                        var span = TextSpan.FromBounds(node.Start, node.End);
                        if (IsKestrelProtocols(path, 0))
                        {
                            CheckKestrelProtocolList(node);
                            return;
                        }

                        if (AddressList.LooksLikeAddresses(value))
                        {
                            var entries = new List<(AddressItem Item, string Text, TextSpan Span)>();
                            AddAddresses(value, span, entries);
                            CheckAllowlist(entries, path, span, elements: false);
                            return;
                        }

                        CheckTunnel(value, span, allowBareHost: !IsInArray(path));
                        if (IsCallbackPath(path))
                        {
                            CheckCallback(value, span, path, string.Join(":", path));
                        }

                        break;
                }
            }

            private void WalkXml(XmlConfigElement element)
            {
                if (element.Path.EndsWith("appsettings/add", StringComparison.Ordinal)
                    && element.Attributes.TryGetValue("key", out var key)
                    && element.Attributes.TryGetValue("value", out var setting))
                {
                    var parts = new List<string>(key.Value.Split(':', '.', '/'));
                    if (AddressList.LooksLikeAddresses(setting.Value))
                    {
                        var entries = new List<(AddressItem Item, string Text, TextSpan Span)>();
                        AddAddresses(setting.Value, setting.Span, entries);
                        CheckAllowlist(entries, parts, setting.Span, elements: false);
                        return;
                    }

                    CheckTunnel(setting.Value, setting.Span, allowBareHost: true);
                    if (IsCallbackPath(parts))
                    {
                        CheckCallback(setting.Value, setting.Span, parts, key.Value);
                    }

                    return;
                }

                if (element.Path.EndsWith("runtime/appcontextswitchoverrides", StringComparison.Ordinal)
                    && element.Attributes.TryGetValue("value", out var switches))
                {
                    CheckSwitches(switches);
                    return;
                }

                CheckCertificateSettings(element);
                CheckServiceEndpoint(element);
                foreach (var attribute in element.Attributes.Values)
                {
                    if (attribute.Value.IndexOf("://", StringComparison.Ordinal) >= 0)
                    {
                        CheckTunnel(attribute.Value, attribute.Span, allowBareHost: false);
                    }
                }
            }

            private void CheckTunnel(string value, TextSpan span, bool allowBareHost)
            {
                if (value.Length < 4 || value.IndexOf('.') < 0)
                {
                    return;
                }

                UrlParts url;
                var found = UrlScanner.TryFindUrl(value, 0, out url, out _) || (allowBareHost && value.IndexOf(' ') < 0 && UrlScanner.TryParseBareHost(value, out url));
                if (!found || url.Bracketed || UrlScanner.NormalizeHost(value, url) is not { } host
                    || !HostFacts.TryGetTunnel(host, policy.Read(ResursOptions.TunnelDomains, RuleIds.TunnelUrl, file), out var service))
                {
                    return;
                }

                string? find = null;
                var baseUrl = policy.Read(ResursOptions.PublicBaseUrl, RuleIds.TunnelUrl, file);
                if (baseUrl.Length > 0 && url.SchemeLength > 0)
                {
                    find = value.Substring(url.Start, url.AuthorityEnd - url.Start);
                }

                var shown = value.Substring(url.Start, Math.Min(value.Length - url.Start, Math.Max(url.AuthorityEnd - url.Start, 0) + 40));
                Report(Descriptors.RES1001, span, find, baseUrl, "Use " + baseUrl, new[] { shown, TunnelUrls.Explain(service, host) }, developmentNote: true);
            }

            private void CheckCallback(string value, TextSpan span, List<string> path, string use)
            {
                var names = policy.Read(ResursOptions.CallbackNameList, RuleIds.NonPublicCallbackAddress, file);
                var leaf = path.FindLast(part => part.Length > 0 && !char.IsDigit(part[0])) ?? use;
                var returnAddress = CallbackSinks.IsReturnAddress(names, leaf, use);
                var results = new List<UrlFinding>();
                var settings = new CallbackSettings(
                    policy.Read(ResursOptions.TunnelDomains, RuleIds.TunnelUrl, file),
                    policy.Read(ResursOptions.InternalHostSuffixes, RuleIds.InternalCallbackHost, file),
                    policy.Read(ResursOptions.AllowedHosts, RuleIds.InternalCallbackHost, file),
                    id => policy.Read(ResursOptions.PublicBaseUrl, id, file));
                CallbackUrlJudge.Judge(UrlValue.FromText(value), use, settings, results);
                foreach (var result in results)
                {
                    var descriptor = returnAddress ? Descriptors.ForReturnAddress(result.Descriptor) : result.Descriptor;
                    Report(descriptor, span, result.Find, result.Replace, result.Title, result.Arguments, developmentNote: true);
                }
            }

            /// <summary>Kestrel:EndpointDefaults:SslProtocols or Kestrel:Endpoints:&lt;name&gt;:SslProtocols (the last <paramref name="skip"/> segments are array indexes).</summary>
            private static bool IsKestrelProtocols(List<string> path, int skip)
            {
                var count = path.Count - skip;
                if (count < 3 || !path[count - 1].Equals("SslProtocols", StringComparison.OrdinalIgnoreCase)
                    || !path[0].Equals("Kestrel", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                return (count == 3 && path[1].Equals("EndpointDefaults", StringComparison.OrdinalIgnoreCase))
                    || (count == 4 && path[1].Equals("Endpoints", StringComparison.OrdinalIgnoreCase));
            }

            private void CheckKestrelProtocol(JsonNode element, JsonNode array)
            {
                if (!WeakKestrelProtocols.ContainsKey(element.Text!.Trim()))
                {
                    return;
                }

                // One fix per array: keep the strong entries, or write TLS 1.2 and 1.3 when nothing strong remains.
                var strong = new List<string>();
                foreach (var child in array.Children)
                {
                    if (child.Value.Kind == JsonKind.String && !WeakKestrelProtocols.ContainsKey(child.Value.Text!.Trim()))
                    {
                        strong.Add("\"" + child.Value.Text!.Trim() + "\"");
                    }
                }

                if (strong.Count == 0)
                {
                    strong.Add("\"Tls12\"");
                    strong.Add("\"Tls13\"");
                }

                var replacement = "[ " + string.Join(", ", strong) + " ]";
                ReportEdit(Descriptors.RES2001, TextSpan.FromBounds(element.Start, element.End), TextSpan.FromBounds(array.Start, array.End), replacement, "Remove weak protocol versions", new[] { element.Text!.Trim(), Describe(element.Text!) });
            }

            private void CheckKestrelProtocolList(JsonNode node)
            {
                var weak = new List<string>();
                var strong = new List<string>();
                foreach (var item in node.Text!.Split(','))
                {
                    var name = item.Trim();
                    (WeakKestrelProtocols.ContainsKey(name) ? weak : strong).Add(name);
                }

                if (weak.Count == 0)
                {
                    return;
                }

                var replacement = "\"" + (strong.Count == 0 ? "Tls12, Tls13" : string.Join(", ", strong)) + "\"";
                ReportEdit(Descriptors.RES2001, TextSpan.FromBounds(node.Start, node.End), TextSpan.FromBounds(node.Start, node.End), replacement, "Remove weak protocol versions", new[] { string.Join(", ", weak), Describe(string.Join(",", weak)) });
            }

            private static string Describe(string names)
            {
                long bits = 0;
                foreach (var name in names.Split(','))
                {
                    if (WeakKestrelProtocols.TryGetValue(name.Trim(), out var protocol))
                    {
                        bits |= protocol;
                    }
                }

                return TlsProtocolFacts.DescribeWeak(bits);
            }

            /// <summary>
            /// WCF <c>certificateValidationMode="None"</c> (RES3001), and <c>checkCertificateRevocationList="false"</c> on
            /// servicePointManager or WCF <c>revocationMode="NoCheck"</c> (RES3003). A revocation mode beside
            /// <c>certificateValidationMode="None"</c> no longer matters: as in code, the one root cause gets the one
            /// diagnostic, RES3001.
            /// </summary>
            private void CheckCertificateSettings(XmlConfigElement element)
            {
                var acceptsEverything = false;
                if (element.Attributes.TryGetValue("certificateValidationMode", out var validation)
                    && validation.Value.Trim().Equals("None", StringComparison.OrdinalIgnoreCase))
                {
                    acceptsEverything = true;
                    ReportEdit(Descriptors.RES3001, validation.Span, validation.Span, "ChainTrust", "Validate the certificate chain", new[] { "certificateValidationMode=\"None\"" });
                }

                if (element.Path.EndsWith("servicepointmanager", StringComparison.Ordinal)
                    && element.Attributes.TryGetValue("checkCertificateRevocationList", out var crl)
                    && crl.Value.Trim().Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    ReportEdit(Descriptors.RES3003, crl.Span, crl.Span, "true", "Check revocation", new[] { "checkCertificateRevocationList=\"false\"", string.Empty });
                }

                if (!acceptsEverything
                    && element.Attributes.TryGetValue("revocationMode", out var mode)
                    && mode.Value.Trim().Equals("NoCheck", StringComparison.OrdinalIgnoreCase))
                {
                    ReportEdit(Descriptors.RES3003, mode.Span, mode.Span, "Online", "Check revocation online", new[] { "revocationMode=\"NoCheck\"", string.Empty });
                }
            }

            private void CheckSwitches(XmlAttributeValue switches)
            {
                var raw = text!.ToString(switches.Span);
                foreach (var entry in switches.Value.Split(';'))
                {
                    var equals = entry.IndexOf('=');
                    if (equals < 0)
                    {
                        continue;
                    }

                    var name = entry.Substring(0, equals).Trim();
                    if (entry.Substring(equals + 1).Trim().Equals("true", StringComparison.OrdinalIgnoreCase)
                        && TlsSwitches.TryGetEffect(name, out var effect))
                    {
                        // The fix turns this entry's "true" into "false" (when the raw text spells it plainly).
                        var at = raw.IndexOf(name, StringComparison.Ordinal);
                        var valueAt = at < 0 ? -1 : raw.IndexOf("true", at + name.Length, StringComparison.OrdinalIgnoreCase);
                        if (valueAt < 0)
                        {
                            Report(Descriptors.RES2003, switches.Span, null, null, string.Empty, new[] { name, effect }, developmentNote: false);
                        }
                        else
                        {
                            ReportEdit(Descriptors.RES2003, switches.Span, new TextSpan(switches.Span.Start + valueAt, 4), "false", "Set the switch to false", new[] { name, effect });
                        }
                    }
                }
            }

            private static bool IsAddressArray(JsonNode array)
            {
                if (array.Children.Count == 0)
                {
                    return false;
                }

                foreach (var child in array.Children)
                {
                    if (child.Value.Kind != JsonKind.String || !AddressList.LooksLikeAddresses(child.Value.Text))
                    {
                        return false;
                    }
                }

                return true;
            }

            private static void AddAddresses(string value, TextSpan span, List<(AddressItem Item, string Text, TextSpan Span)> entries)
            {
                if (AddressList.TryParse(value, out var items, out _))
                {
                    foreach (var item in items)
                    {
                        entries.Add((item, value.Substring(item.Start, item.Length), span));
                    }
                }
            }

            /// <summary>
            /// RES4001 for each whole cloud range (or /0) and RES4002 for a list with some but not all callback IPs, when the
            /// key path says allow (not deny) or the list already holds Resurs callback IPs.
            /// </summary>
            private void CheckAllowlist(List<(AddressItem Item, string Text, TextSpan Span)> entries, List<string> path, TextSpan listSpan, bool elements)
            {
                if (entries.Count == 0)
                {
                    return;
                }

                var purpose = networkNames.Classify(path);
                var callbackIps = policy.Read(ResursOptions.CallbackIps, RuleIds.CloudRangeAllowlisted, file);
                var cloudIps = ResursNetworks.CloudIps(callbackIps);
                if (IsTrustedProxyPath(path))
                {
                    CheckTrustedProxies(entries, path, cloudIps);
                    return;
                }

                var cidrs = entries.ConvertAll(entry => entry.Item.Cidr);
                if (purpose == ListPurpose.Deny || !(purpose == ListPurpose.Allow || AllowlistJudge.HoldsCallbackIp(cidrs, callbackIps)))
                {
                    return;
                }

                var list = new ListText(text!, entries, elements, IsAppSettings(fileName));
                var aboutResurs = AllowlistJudge.IsAboutResurs(path, cidrs, callbackIps);
                for (var i = 0; i < entries.Count; i++)
                {
                    var entry = entries[i];
                    if (AllowlistJudge.CloudRange(entry.Item.Cidr, cloudIps) is { } cloud)
                    {
                        var arguments = new[] { entry.Text, AllowlistJudge.Admits(entry.Item.Cidr, cloud), AllowlistJudge.Advice(trustedProxies: false, aboutResurs) };
                        if (aboutResurs && list.ReplaceRange(i, callbackIps) is { } fix)
                        {
                            ReportEdit(Descriptors.RES4001, list.LocationOf(i), fix.Edit, fix.Replace, fix.Title, arguments);
                        }
                        else
                        {
                            Report(Descriptors.RES4001, list.LocationOf(i), null, null, string.Empty, arguments, developmentNote: false);
                        }
                    }
                }

                var missing = AllowlistJudge.Missing(cidrs, callbackIps);
                if (missing.Count > 0)
                {
                    var arguments = new[] { (callbackIps.Length - missing.Count).ToString(System.Globalization.CultureInfo.InvariantCulture), callbackIps.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Prose.JoinAnd(missing.ConvertAll(ip => ip.ToString())) };
                    if (list.AddMissing(missing, callbackIps) is { } fix)
                    {
                        ReportEdit(Descriptors.RES4002, listSpan, fix.Edit, fix.Replace, fix.Title, arguments);
                    }
                    else
                    {
                        Report(Descriptors.RES4002, listSpan, null, null, string.Empty, arguments, developmentNote: false);
                    }
                }
            }

            private static bool IsInArray(List<string> path) => path.Count > 0 && path[path.Count - 1].Length > 0 && char.IsDigit(path[path.Count - 1][0]);

            /// <summary>A key path that names a callback (<see cref="CallbackNames.IsCallbackPath"/>).</summary>
            private bool IsCallbackPath(List<string> path) =>
                policy.Read(ResursOptions.CallbackNameList, RuleIds.NonPublicCallbackAddress, file).IsCallbackPath(path);

            private void Report(DiagnosticDescriptor descriptor, TextSpan span, string? find, string? replace, string title, string[] arguments, bool developmentNote)
            {
                TextSpan? edit = null;
                if (find is { Length: > 0 } && replace is not null && text is not null)
                {
                    var index = text.ToString(span).IndexOf(find, StringComparison.Ordinal);
                    edit = index < 0 ? null : new TextSpan(span.Start + index, find.Length);
                }

                Emit(descriptor, span, edit, replace, title, arguments, developmentNote);
            }

            private void ReportEdit(DiagnosticDescriptor descriptor, TextSpan span, TextSpan edit, string replace, string title, string[] arguments) =>
                Emit(descriptor, span, edit, replace, title, arguments, developmentNote: false);

            private void Emit(DiagnosticDescriptor descriptor, TextSpan span, TextSpan? edit, string? replace, string title, string[] arguments, bool developmentNote)
            {
                if (!policy.ShouldReport(descriptor.Id, file))
                {
                    return;
                }

                var note = string.Empty;
                if (developmentNote && IsDevelopmentFile)
                {
                    if (policy.Read(ResursOptions.DevelopmentCode, descriptor.Id, file) == DevelopmentCodePolicy.Skip)
                    {
                        return;
                    }

                    note = " (in a development-only configuration file, which Resurs cannot reach from any environment either)";
                }

                var properties = ImmutableDictionary<string, string?>.Empty;
                if (edit is { } editSpan && replace is not null)
                {
                    properties = properties
                        .Add(EditStartProperty, editSpan.Start.ToString(System.Globalization.CultureInfo.InvariantCulture))
                        .Add(EditLengthProperty, editSpan.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))
                        .Add(ReplaceProperty, replace)
                        .Add(TitleProperty, title);
                }

                var messageArguments = new object[arguments.Length + 1];
                arguments.CopyTo(messageArguments, 0);
                messageArguments[arguments.Length] = note;
                context.ReportDiagnostic(Diagnostic.Create(descriptor, Location.Create(file.Path, span, text!.Lines.GetLinePositionSpan(span)), properties, messageArguments));
            }

            private void ReportUnreadable(int position, string message)
            {
                if (text is null)
                {
                    return;
                }

                var span = new TextSpan(Math.Min(position, text.Length), position < text.Length ? 1 : 0);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.RES9002, Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)), fileName, message));
            }

            private static bool IsBlank(SourceText source)
            {
                for (var i = 0; i < source.Length; i++)
                {
                    if (!char.IsWhiteSpace(source[i]) && source[i] != '\uFEFF')
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
