using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Config;
using Resurs.Analyzers.Infrastructure.Net;
using Resurs.Analyzers.Options;
using Resurs.Analyzers.Rules.Network;

namespace Resurs.Analyzers.Rules.Configuration
{
    /// <summary>
    /// The network rules' configuration front-end beyond plain address lists: trusted-proxy lists (RES4001 with the proxy
    /// advice, RES4005), IIS <c>&lt;ipSecurity&gt;</c> (RES4001, RES4002) and WCF client endpoints (RES4004). The
    /// judgements are the C# rules' own (<see cref="AllowlistJudge"/>, <see cref="ResursIpHost"/>).
    /// </summary>
    public sealed partial class ConfigFileAnalyzer
    {
        private sealed partial class FileAnalysis
        {
            private const string ExactMask = "255.255.255.255";

            /// <summary>A key path through KnownNetworks, KnownIPNetworks or KnownProxies: the forwarded-headers trusted-proxy lists.</summary>
            private static bool IsTrustedProxyPath(List<string> path)
            {
                foreach (var segment in path)
                {
                    if (segment.Equals("KnownNetworks", StringComparison.OrdinalIgnoreCase)
                        || segment.Equals("KnownIPNetworks", StringComparison.OrdinalIgnoreCase)
                        || segment.Equals("KnownProxies", StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// A trusted-proxy list is not a callback allowlist: <c>0.0.0.0/0</c> or <c>::/0</c> is trust-everything
            /// forwarding (RES4005 alone), a cloud-wide range is RES4001 with the proxy advice and no fix, and a list that
            /// lacks callback IPs is not incomplete.
            /// </summary>
            private void CheckTrustedProxies(List<(AddressItem Item, string Text, TextSpan Span)> entries, List<string> path, ImmutableArray<IPValue> cloudIps)
            {
                var key = string.Join(":", path.FindAll(segment => !(segment.Length > 0 && char.IsDigit(segment[0]))));
                var list = new ListText(text!, entries, elements: false, IsAppSettings(fileName));
                for (var i = 0; i < entries.Count; i++)
                {
                    var entry = entries[i];
                    if (!AllowlistJudge.ReportsProxyEntry(entry.Item.Cidr))
                    {
                        var reason = key + " trusts " + entry.Text + " as a proxy";
                        Report(Descriptors.RES4005, list.LocationOf(i), null, null, string.Empty, new[] { reason }, developmentNote: false);
                    }
                    else if (AllowlistJudge.CloudRange(entry.Item.Cidr, cloudIps) is { } cloud)
                    {
                        var arguments = new[] { entry.Text, AllowlistJudge.Admits(entry.Item.Cidr, cloud), AllowlistJudge.ProxyAdvice };
                        Report(Descriptors.RES4001, list.LocationOf(i), null, null, string.Empty, arguments, developmentNote: false);
                    }
                }
            }

            /// <summary>
            /// RES4004: a WCF client endpoint (<c>&lt;system.serviceModel&gt;&lt;client&gt;&lt;endpoint address="…"&gt;</c>)
            /// whose host is a Resurs address. The endpoint is where the client sends its calls.
            /// </summary>
            private void CheckServiceEndpoint(XmlConfigElement element)
            {
                if (!element.Path.EndsWith("system.servicemodel/client/endpoint", StringComparison.Ordinal)
                    || !element.Attributes.TryGetValue("address", out var address)
                    || !ResursIpHost.TryFind(address.Value.Trim(), hostMayContinue: false, out _, out var hostText))
                {
                    return;
                }

                var arguments = new[] { address.Value.Trim(), hostText, "system.serviceModel client endpoint address", ResursNetworks.FqdnList() };
                Report(Descriptors.RES4004, address.Span, null, null, string.Empty, arguments, developmentNote: false);
            }

            /// <summary>
            /// IIS <c>&lt;security&gt;&lt;ipSecurity&gt;</c>: the <c>&lt;add allowed="true"&gt;</c> entries of a section are
            /// an allowlist (unless <c>allowUnlisted="true"</c>, which admits everyone anyway). <c>allowed</c> defaults to
            /// false, so the other entries are a deny list and are left alone. An entry is <c>ipAddress</c> with an optional
            /// <c>subnetMask</c>; a mask that is not contiguous is not a network, and the entry is skipped.
            /// </summary>
            private void CheckIpSecurity(List<XmlConfigElement> elements)
            {
                for (var i = 0; i < elements.Count; i++)
                {
                    var section = elements[i];
                    if (!section.Path.EndsWith("security/ipsecurity", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var addPath = section.Path + "/add";
                    var children = section.Path + "/";
                    var entries = new List<IpSecurityEntry>();
                    for (var j = i + 1; j < elements.Count && elements[j].Path.StartsWith(children, StringComparison.Ordinal); j++)
                    {
                        if (elements[j].Path == addPath && IpSecurityEntry.Read(elements[j]) is { } entry)
                        {
                            entries.Add(entry);
                        }
                    }

                    var hasUnlisted = section.Attributes.TryGetValue("allowUnlisted", out var unlisted);
                    if (hasUnlisted && IsTrue(unlisted.Value))
                    {
                        continue;
                    }

                    CheckIpSecurityEntries(entries, hasUnlisted ? unlisted.Span : null, LocationPath(elements, i));
                }
            }

            /// <summary>The <c>path</c> of the <c>&lt;location&gt;</c> element around <paramref name="index"/>'s element, or empty.</summary>
            private static string LocationPath(List<XmlConfigElement> elements, int index)
            {
                var path = elements[index].Path;
                for (var i = index - 1; i >= 0; i--)
                {
                    var candidate = elements[i];
                    if (candidate.Path.EndsWith("location", StringComparison.Ordinal)
                        && path.StartsWith(candidate.Path + "/", StringComparison.Ordinal))
                    {
                        return candidate.Attributes.TryGetValue("path", out var location) ? location.Value : string.Empty;
                    }
                }

                return string.Empty;
            }

            private void CheckIpSecurityEntries(List<IpSecurityEntry> entries, TextSpan? allowUnlisted, string locationPath)
            {
                if (entries.Count == 0)
                {
                    return;
                }

                var callbackIps = policy.Read(ResursOptions.CallbackIps, RuleIds.CloudRangeAllowlisted, file);
                var cloudIps = ResursNetworks.CloudIps(callbackIps);
                var cidrs = entries.ConvertAll(entry => entry.Cidr);

                // A <location path="resurs/callback"> or a callback IP among the entries ties the section to Resurs.
                var aboutResurs = AllowlistJudge.IsAboutResurs(new[] { locationPath.Replace('/', ' ') }, cidrs, callbackIps);
                foreach (var entry in entries)
                {
                    if (AllowlistJudge.CloudRange(entry.Cidr, cloudIps) is not { } cloud)
                    {
                        continue;
                    }

                    var arguments = new[] { entry.Display, AllowlistJudge.Admits(entry.Cidr, cloud), AllowlistJudge.Advice(trustedProxies: false, aboutResurs) };
                    var values = new List<IPValue>();
                    foreach (var ip in callbackIps)
                    {
                        if (entry.Cidr.Contains(ip) && !Names(entries, ip))
                        {
                            values.Add(ip);
                        }
                    }

                    var title = values.Count == 0
                        ? "Remove " + entry.Display + "; its callback IPs are already listed"
                        : "Allow only " + Prose.JoinAnd(values.ConvertAll(ip => ip.ToString()));
                    if (aboutResurs && ElementEdit(entry, values, replace: true) is { } edit)
                    {
                        ReportEdit(Descriptors.RES4001, entry.MaskSpan ?? entry.AddressSpan, edit.Span, edit.Text, title, arguments);
                    }
                    else
                    {
                        Report(Descriptors.RES4001, entry.MaskSpan ?? entry.AddressSpan, null, null, string.Empty, arguments, developmentNote: false);
                    }
                }

                var missingIps = policy.Read(ResursOptions.CallbackIps, RuleIds.IncompleteCallbackAllowlist, file);
                var missing = AllowlistJudge.Missing(cidrs, missingIps);
                if (missing.Count == 0)
                {
                    return;
                }

                var missingArguments = new[]
                {
                    (missingIps.Length - missing.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    missingIps.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Prose.JoinAnd(missing.ConvertAll(ip => ip.ToString())),
                };
                var location = allowUnlisted ?? entries[0].AddressSpan;
                IpSecurityEntry? template = null;
                foreach (var entry in entries)
                {
                    if (entry.Cidr.IsSingleAddress && missingIps.Contains(entry.Cidr.Network))
                    {
                        template = entry;
                    }
                }

                if (template is not null && ElementEdit(template, missing, replace: false) is { } insert)
                {
                    ReportEdit(Descriptors.RES4002, location, insert.Span, insert.Text, "Add " + missingArguments[2], missingArguments);
                }
                else
                {
                    Report(Descriptors.RES4002, location, null, null, string.Empty, missingArguments, developmentNote: false);
                }
            }

            private static bool Names(List<IpSecurityEntry> entries, IPValue ip)
            {
                foreach (var entry in entries)
                {
                    if (entry.Cidr.IsSingleAddress && entry.Cidr.Network.Equals(ip))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// The edit that writes one copy of the entry's <c>&lt;add … /&gt;</c> element per address, each on its own
            /// line with the element's indentation (its <c>subnetMask</c>, if any, becomes 255.255.255.255): in place of
            /// the element (<paramref name="replace"/>; no address removes it with its line), or after it. Null when the
            /// element's text cannot be copied safely.
            /// </summary>
            private (TextSpan Span, string Text)? ElementEdit(IpSecurityEntry entry, List<IPValue> addresses, bool replace)
            {
                var source = text!;
                var first = entry.Attributes[0].Span.Start;
                var last = entry.Attributes[0].Span.End;
                foreach (var attribute in entry.Attributes)
                {
                    first = Math.Min(first, attribute.Span.Start);
                    last = Math.Max(last, attribute.Span.End);
                }

                var open = first - 1;
                while (open >= 0 && source[open] != '<')
                {
                    open--;
                }

                var close = last;
                while (close < source.Length && source[close] != '>')
                {
                    close++;
                }

                if (open < 0 || close >= source.Length || source[close - 1] != '/'
                    || source.ToString(entry.AddressSpan) != entry.AddressText
                    || addresses.Exists(ip => ip.IsV6 != entry.Cidr.Network.IsV6))
                {
                    return null;
                }

                var element = TextSpan.FromBounds(open, close + 1);
                var lineStart = open;
                while (lineStart > 0 && (source[lineStart - 1] == ' ' || source[lineStart - 1] == '\t'))
                {
                    lineStart--;
                }

                var ownLine = lineStart > 0 && source[lineStart - 1] == '\n';
                var newLine = ownLine && lineStart > 1 && source[lineStart - 2] == '\r' ? "\r\n" : "\n";
                var separator = ownLine ? newLine + source.ToString(TextSpan.FromBounds(lineStart, open)) : string.Empty;
                var copies = new List<string>();
                foreach (var ip in addresses)
                {
                    copies.Add(Copy(source, element, entry, ip));
                }

                if (!replace)
                {
                    return (new TextSpan(element.End, 0), separator + string.Join(separator, copies));
                }

                if (copies.Count > 0)
                {
                    return (element, string.Join(separator, copies));
                }

                // Remove the element, and with it its line when it stands alone there.
                var removeStart = ownLine ? lineStart - newLine.Length : open;
                return (TextSpan.FromBounds(removeStart, element.End), string.Empty);
            }

            /// <summary>The element's text with <c>ipAddress</c> set to <paramref name="ip"/> and any mask made exact.</summary>
            private static string Copy(SourceText source, TextSpan element, IpSecurityEntry entry, IPValue ip)
            {
                var edits = new List<(TextSpan Span, string Text)> { (entry.AddressSpan, ip.ToString()) };
                if (entry.MaskSpan is { } mask)
                {
                    edits.Add((mask, ip.IsV6 ? "128" : ExactMask));
                }

                edits.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
                var builder = new System.Text.StringBuilder();
                var at = element.Start;
                foreach (var (span, replacement) in edits)
                {
                    builder.Append(source.ToString(TextSpan.FromBounds(at, span.Start))).Append(replacement);
                    at = span.End;
                }

                return builder.Append(source.ToString(TextSpan.FromBounds(at, element.End))).ToString();
            }

            private static bool IsTrue(string value) => value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

            /// <summary>One <c>&lt;add ipAddress="…" subnetMask="…" allowed="true" /&gt;</c> of an ipSecurity section.</summary>
            private sealed class IpSecurityEntry
            {
                private IpSecurityEntry(Cidr cidr, string display, XmlAttributeValue address, XmlAttributeValue? mask, List<XmlAttributeValue> attributes)
                {
                    Cidr = cidr;
                    Display = display;
                    AddressSpan = address.Span;
                    AddressText = address.Value;
                    MaskSpan = mask?.Span;
                    Attributes = attributes;
                }

                public Cidr Cidr { get; }

                /// <summary>"13.50.0.0/255.255.0.0", or the address alone.</summary>
                public string Display { get; }

                public TextSpan AddressSpan { get; }

                public string AddressText { get; }

                public TextSpan? MaskSpan { get; }

                public List<XmlAttributeValue> Attributes { get; }

                /// <summary>An allowed IP entry, or null (a deny entry, a domain name, or an address or mask that does not parse).</summary>
                public static IpSecurityEntry? Read(XmlConfigElement element)
                {
                    if (!element.Attributes.TryGetValue("allowed", out var allowed) || !IsTrue(allowed.Value)
                        || !element.Attributes.TryGetValue("ipAddress", out var address))
                    {
                        return null;
                    }

                    var ip = address.Value.Trim();
                    if (ip.IndexOf('/') >= 0)
                    {
                        return null;
                    }

                    XmlAttributeValue? mask = null;
                    var written = ip;
                    if (element.Attributes.TryGetValue("subnetMask", out var maskValue) && maskValue.Value.Trim().Length > 0)
                    {
                        mask = maskValue;
                        written = ip + "/" + maskValue.Value.Trim();
                    }

                    if (!Cidr.TryParse(written, out var cidr))
                    {
                        return null;
                    }

                    return new IpSecurityEntry(cidr, written, address, mask, new List<XmlAttributeValue>(element.Attributes.Values));
                }
            }
        }
    }
}
