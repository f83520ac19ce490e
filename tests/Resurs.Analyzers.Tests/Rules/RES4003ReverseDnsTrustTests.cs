using System.Threading.Tasks;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Resurs.Analyzers.Rules.Network.ReverseDnsTrustAnalyzer>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES4003")]
    public class RES4003ReverseDnsTrustTests
    {
        private static string Code(string body) => @"
using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

class CallbackGuard
{
" + body + @"
}
" + LegacyWeb;

        /// <summary>System.Web's HttpRequest (not in .NET 8): recognised by member name, so a stub stands in.</summary>
        private const string LegacyWeb = @"
namespace System.Web
{
    public class HttpRequest
    {
        public string UserHostAddress => """";
        public System.Collections.Specialized.NameValueCollection ServerVariables { get; } = new System.Collections.Specialized.NameValueCollection();
    }
}
";

        [Fact]
        public Task Message_names_the_call_and_the_inbound_address() => Verify.VerifyAnalyzerAsync(
            Code(@"
    bool FromResurs(HttpContext context)
    {
        var entry = {|#0:Dns.GetHostEntry(context.Connection.RemoteIpAddress!)|};
        return entry.HostName.EndsWith("".resurs.se"", StringComparison.OrdinalIgnoreCase);
    }"),
            Verify.Diagnostic("RES4003").WithLocation(0).WithArguments("Dns.GetHostEntry", "HttpContext.Connection.RemoteIpAddress", "a condition then trusts"));

        [Fact]
        public Task Every_lookup_and_inbound_source_is_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    async Task<bool> Async(HttpContext context)
    {
        var entry = await {|RES4003:Dns.GetHostEntryAsync(context.Connection.RemoteIpAddress!)|};
        return entry.HostName == ""callback.resurs.se"";
    }

    bool Obsolete(HttpContext context) =>
        {|RES4003:Dns.GetHostByAddress(context.Connection.RemoteIpAddress?.ToString() ?? """")|}.HostName.Contains(""resurs"");

    bool Legacy(System.Web.HttpRequest request) =>
        {|RES4003:Dns.Resolve(request.UserHostAddress)|}.HostName.ToLowerInvariant().EndsWith(""resurs.se"");

    bool ServerVariables(System.Web.HttpRequest request) =>
        {|RES4003:Dns.GetHostEntry(request.ServerVariables[""REMOTE_ADDR""]!)|}.Aliases.Any(alias => alias.EndsWith(""resurs.se""));

    bool Forwarded(HttpContext context)
    {
        var forwardedFor = context.Request.Headers[""X-Forwarded-For""].ToString().Split(',')[0].Trim();
        var host = {|RES4003:Dns.GetHostEntry(IPAddress.Parse(forwardedFor))|}.HostName;
        switch (host)
        {
            case ""callback.resurs.se"": return true;
            default: return false;
        }
    }

    bool RealIp(HttpContext context) =>
        {|RES4003:Dns.GetHostEntry(context.Request.Headers[""x-real-ip""].FirstOrDefault() ?? """")|}.HostName is ""callback.resurs.se"";

    bool TryGetValue(HttpContext context) =>
        context.Request.Headers.TryGetValue(""X-Forwarded-For"", out var forwarded)
        && string.Equals({|RES4003:Dns.GetHostEntry(forwarded.ToString())|}.HostName, ""callback.resurs.se"", StringComparison.OrdinalIgnoreCase);

    bool Listener(HttpListenerRequest request) =>
        {|RES4003:Dns.GetHostEntry(request.RemoteEndPoint.Address)|}.HostName.StartsWith(""callback."");

    static async Task<bool> IsResurs(IPAddress remoteIp)
    {
        var host = (await {|RES4003:Dns.GetHostEntryAsync(remoteIp)|}).HostName.TrimEnd('.');
        var trusted = host.EndsWith("".resurs.se"");
        return trusted;
    }"));

        [Fact]
        public Task Lookup_keys_identities_helpers_and_other_decisions_are_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    private readonly System.Collections.Generic.Dictionary<string, string> merchantsByHost = new();
    private readonly System.Collections.Generic.Dictionary<string, bool> trustedHosts = new();
    public string? CallerHost { get; set; }

    string Merchant(HttpContext context) => merchantsByHost[{|#0:Dns.GetHostEntry(context.Connection.RemoteIpAddress!)|}.HostName];

    bool Cached(HttpContext context) =>
        trustedHosts.TryGetValue({|#1:Dns.GetHostEntry(context.Connection.RemoteIpAddress!)|}.HostName, out var trusted) && trusted;

    void Remember(HttpContext context)
    {
        CallerHost = {|#2:Dns.GetHostEntry(context.Connection.RemoteIpAddress!)|}.HostName;
        context.Items[""caller""] = {|#3:Dns.GetHostEntry(context.Connection.RemoteIpAddress!)|}.HostName;
    }

    System.Security.Claims.Claim Claim(HttpContext context) =>
        new System.Security.Claims.Claim(""caller-host"", {|#4:Dns.GetHostEntry(context.Connection.RemoteIpAddress!)|}.HostName);

    static string ResolveCaller(HttpContext context) =>
        {|#5:Dns.GetHostEntry(context.Connection.RemoteIpAddress!)|}.HostName;

    async Task<string?> CallerName(HttpContext context)
    {
        var entry = await {|#6:Dns.GetHostEntryAsync(context.Connection.RemoteIpAddress!)|};
        return entry?.HostName ?? ""unknown"";
    }

    bool Delegated(HttpContext context) => IsTrustedPeer({|#7:Dns.GetHostEntry(context.Connection.RemoteIpAddress!)|}.HostName);
    bool IsTrustedPeer(string host) => false;

    bool Reassigned(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress!;
        remote = remote.MapToIPv4();
        return {|#8:Dns.GetHostEntry(remote)|}.HostName.EndsWith("".resurs.se"");
    }"),
            Verify.Diagnostic("RES4003").WithLocation(0).WithArguments("Dns.GetHostEntry", "HttpContext.Connection.RemoteIpAddress", "then serves as a lookup key"),
            Verify.Diagnostic("RES4003").WithLocation(1).WithArguments("Dns.GetHostEntry", "HttpContext.Connection.RemoteIpAddress", "then serves as a lookup key"),
            Verify.Diagnostic("RES4003").WithLocation(2).WithArguments("Dns.GetHostEntry", "HttpContext.Connection.RemoteIpAddress", "is then stored as the caller's identity"),
            Verify.Diagnostic("RES4003").WithLocation(3).WithArguments("Dns.GetHostEntry", "HttpContext.Connection.RemoteIpAddress", "is then stored as the caller's identity"),
            Verify.Diagnostic("RES4003").WithLocation(4).WithArguments("Dns.GetHostEntry", "HttpContext.Connection.RemoteIpAddress", "is then stored as the caller's identity"),
            Verify.Diagnostic("RES4003").WithLocation(5).WithArguments("Dns.GetHostEntry", "HttpContext.Connection.RemoteIpAddress", "the method returns to its callers"),
            Verify.Diagnostic("RES4003").WithLocation(6).WithArguments("Dns.GetHostEntryAsync", "HttpContext.Connection.RemoteIpAddress", "the method returns to its callers"),
            Verify.Diagnostic("RES4003").WithLocation(7).WithArguments("Dns.GetHostEntry", "HttpContext.Connection.RemoteIpAddress", "is then passed on to decide"),
            Verify.Diagnostic("RES4003").WithLocation(8).WithArguments("Dns.GetHostEntry", "HttpContext.Connection.RemoteIpAddress", "a condition then trusts"));

        [Fact]
        public Task Forward_confirmed_reverse_dns_is_reported_and_says_so() => Verify.VerifyAnalyzerAsync(Code(@"
    async Task<bool> IsResurs(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress!;
        var entry = await {|#0:Dns.GetHostEntryAsync(remote)|};
        var forward = await Dns.GetHostAddressesAsync(entry.HostName);
        return System.Linq.Enumerable.Contains(forward, remote) && entry.HostName.EndsWith("".resurs.se"");
    }"),
            Verify.Diagnostic("RES4003").WithLocation(0).WithArguments("Dns.GetHostEntryAsync", "HttpContext.Connection.RemoteIpAddress", "a forward lookup then confirms"));

        [Fact]
        public Task Logging_and_display_are_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    void Log(HttpContext context, Microsoft.Extensions.Logging.ILogger logger, System.Text.StringBuilder report)
    {
        var entry = Dns.GetHostEntry(context.Connection.RemoteIpAddress!);
        Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, ""Resurs callback from {Host}"", entry.HostName);
        System.Diagnostics.Trace.TraceInformation(""from "" + entry.HostName);
        report.AppendLine(entry.HostName);
        var line = string.Format(""{0} called"", entry.HostName);
        Console.WriteLine(line);
        throw new InvalidOperationException(""Unexpected caller "" + Dns.GetHostEntry(context.Connection.RemoteIpAddress!).HostName);
    }"));

        [Fact]
        public Task Logging_only_lookups_are_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    void Log(HttpContext context)
    {
        var entry = Dns.GetHostEntry(context.Connection.RemoteIpAddress!);
        Console.WriteLine(""Callback from {0}"", entry.HostName);
        Console.WriteLine($""Callback from {Dns.GetHostEntry(context.Connection.RemoteIpAddress!).HostName}"");
    }"));

        [Fact]
        public Task Forward_lookups_and_other_addresses_are_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    bool Forward(HttpContext context, IPAddress address, string hostName)
    {
        var resurs = Dns.GetHostEntry(""merchant-api.resurs.com"");
        var self = Dns.GetHostEntry(Dns.GetHostName());
        var other = Dns.GetHostEntry(address).HostName.EndsWith(""resurs.se"");
        var named = Dns.GetHostEntry(hostName).HostName == ""merchant-api.resurs.com"";
        return resurs.AddressList.Contains(context.Connection.RemoteIpAddress)
            || self.HostName == ""shop""
            || Dns.GetHostEntry(context.Connection.RemoteIpAddress!).AddressList.Length > 0;
    }"));

        [Fact]
        public Task Silent_in_test_projects_by_default()
        {
            var test = new Verify.Test(Code(@"    bool M(HttpContext c) => Dns.GetHostEntry(c.Connection.RemoteIpAddress!).HostName.EndsWith(""resurs.se"");"));
            test.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            return test.RunAsync();
        }
    }
}
