using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Resurs.Analyzers.CodeFixes;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Certificates.CertificateValidationAnalyzer,
    Resurs.Analyzers.CodeFixes.Certificates.CertificateValidationCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES3001")]
    public class RES3001CertificateValidationDisabledTests
    {
        private const string Usings = "using System;\nusing System.IO;\nusing System.Net;\nusing System.Net.Http;\nusing System.Net.Security;\nusing System.Net.WebSockets;\nusing System.Security.Cryptography.X509Certificates;\nusing System.Threading.Tasks;\n";

        private static string Class(string members) => Usings + "\nclass C\n{\n" + members + "\n}\n";

        // ------------------------------------------------------------------ lambdas and anonymous methods (peers 1-4)

        [Fact]
        public Task Expression_lambda_assigned_and_added_is_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(message, cert, chain, errors)|} => true;
        ServicePointManager.ServerCertificateValidationCallback += {|RES3001:(sender, cert, chain, errors)|} => ((true));
    }"));

        [Fact]
        public Task Message_names_the_callback() => Verify.VerifyAnalyzerAsync(
            Class(@"
    void M(HttpClientHandler handler) => handler.ServerCertificateCustomValidationCallback = {|#0:(message, cert, chain, errors)|} => true;"),
            Verify.Diagnostic("RES3001").WithLocation(0).WithArguments("This certificate validation callback", string.Empty));

        [Fact]
        public Task Block_lambda_that_logs_and_returns_true_is_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(message, cert, chain, errors)|} =>
        {
            Console.WriteLine($""Certificate {cert?.Subject} has {errors}"");
            if (errors != SslPolicyErrors.None)
            {
                Console.WriteLine(""Ignoring the errors"");
            }

            return true;
        };
    }"));

        [Fact]
        public Task Discards_and_static_lambdas_are_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(_, _, _, _)|} => true;
        ServicePointManager.ServerCertificateValidationCallback = static {|RES3001:(_, _, _, _)|} => true;
        ServicePointManager.ServerCertificateValidationCallback = static {|RES3001:(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)|} => true;
    }"));

        [Fact]
        public Task Anonymous_methods_are_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void M()
    {
        ServicePointManager.ServerCertificateValidationCallback = {|RES3001:delegate|} { return true; };
        ServicePointManager.ServerCertificateValidationCallback = {|RES3001:delegate (object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)|} { return true; };
    }"));

        // ------------------------------------------------------------------ method groups (peers 5-7, 9)

        [Fact]
        public Task Method_groups_are_reported_once_at_their_first_use_in_the_file() => Verify.VerifyAnalyzerAsync(Class(@"
    static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
    bool AcceptInstance(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        return true;
    }

    void M()
    {
        ServicePointManager.ServerCertificateValidationCallback = {|RES3001:AcceptAll|};
        ServicePointManager.ServerCertificateValidationCallback = {|RES3001:this.AcceptInstance|};
        ServicePointManager.ServerCertificateValidationCallback = AcceptInstance;
        ServicePointManager.ServerCertificateValidationCallback = C.AcceptAll;
        ServicePointManager.ServerCertificateValidationCallback = new RemoteCertificateValidationCallback(AcceptAll);
    }"));

        [Fact]
        public Task Explicit_delegate_creation_is_reported_as_a_whole() => Verify.VerifyAnalyzerAsync(Class(@"
    static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
    void M() => ServicePointManager.ServerCertificateValidationCallback = {|RES3001:new RemoteCertificateValidationCallback(AcceptAll)|};"));

        [Fact]
        public Task One_validation_method_passed_to_two_handlers_is_reported_once() => Verify.VerifyAnalyzerAsync(Class(@"
    static bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
    static bool Strict(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => errors == SslPolicyErrors.None;

    void M(Stream inner)
    {
        var first = new SslStream(inner, false, {|RES3001:Validate|});
        var second = new SslStream(inner, false, Validate);
        var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Validate };
        var strict = new SslStream(inner, false, Strict);
        var again = new SslStream(inner, false, Strict);
    }"));

        [Fact]
        public Task A_validation_method_is_reported_once_in_each_file_that_uses_it() => new Verify.Test(Class(@"
    void M(Stream inner)
    {
        var first = new SslStream(inner, false, {|RES3001:Validators.AcceptAll|});
        var second = new SslStream(inner, false, Validators.AcceptAll);
    }"))
        {
            TestState =
            {
                Sources =
                {
                    Usings + "static class Validators { public static bool AcceptAll(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => true; }",
                    Usings + "static class Other { static void N() => ServicePointManager.ServerCertificateValidationCallback = {|RES3001:Validators.AcceptAll|}; }",
                },
            },
        }.RunAsync();

        [Fact]
        public Task Method_group_message_names_the_method() => Verify.VerifyAnalyzerAsync(
            Class(@"
    static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
    void M() => ServicePointManager.ServerCertificateValidationCallback = {|#0:AcceptAll|};"),
            Verify.Diagnostic("RES3001").WithLocation(0).WithArguments("Validation method 'AcceptAll'", string.Empty));

        [Fact]
        public Task Local_functions_are_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3001:Accept|};
        ServicePointManager.ServerCertificateValidationCallback = {|RES3001:AcceptBlock|};

        static bool Accept(HttpRequestMessage message, X509Certificate2? cert, X509Chain? chain, SslPolicyErrors errors) => true;

        bool AcceptBlock(object sender, X509Certificate? cert, X509Chain? chain, SslPolicyErrors errors)
        {
            Console.WriteLine(errors);
            return true;
        }
    }"));

        [Fact]
        public Task Method_with_wider_parameter_types_is_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    static bool Wide(object sender, object? certificate, object? chain, SslPolicyErrors errors) => true;
    void M() => ServicePointManager.ServerCertificateValidationCallback = {|RES3001:Wide|};"));

        [Fact]
        public Task Validator_in_another_file_is_judged() => new Verify.Test(Class(@"
    void M() => ServicePointManager.ServerCertificateValidationCallback = {|RES3001:Validators.AcceptAll|};"))
        {
            TestState = { Sources = { Usings + "static class Validators { public static bool AcceptAll(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => true; }" } },
        }.RunAsync();

        [Fact]
        public Task Returning_an_always_true_helper_is_reported_and_recursion_is_not() => Verify.VerifyAnalyzerAsync(Class(@"
    static bool Yes() => true;
    static bool Ping(int depth) => Pong(depth);
    static bool Pong(int depth) => Ping(depth);
    static bool Helper(X509Certificate? cert) { Console.WriteLine(cert); return Yes(); }

    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, cert, chain, errors)|} => Helper(cert);
        handler.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) => errors == SslPolicyErrors.None && Ping(1);
    }"));

        // ------------------------------------------------------------------ control flow (peers 10-13)

        [Fact]
        public Task True_in_try_and_catch_is_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, cert, chain, errors)|} =>
        {
            try
            {
                if (errors != SslPolicyErrors.None)
                {
                    throw new InvalidOperationException(errors.ToString());
                }

                return true;
            }
            catch (Exception)
            {
                return true;
            }
        };
    }"));

        [Fact]
        public Task Log_in_try_with_false_after_the_catch_still_accepts_everything() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler)
    {
        // Nothing in the try block throws on a bad certificate, so the catch is unreachable for one.
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, cert, chain, errors)|} =>
        {
            try
            {
                Console.WriteLine(cert?.Subject);
                return true;
            }
            catch
            {
            }

            return false;
        };
    }"));

        [Fact]
        public Task Throwing_on_errors_then_returning_true_is_validation() => Verify.VerifyAnalyzerAsync(Class(@"
    static void EnsureValid(SslPolicyErrors errors)
    {
        if (errors != SslPolicyErrors.None)
        {
            throw new System.Security.Authentication.AuthenticationException(errors.ToString());
        }
    }

    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) =>
        {
            if (errors != SslPolicyErrors.None)
            {
                throw new System.Security.Authentication.AuthenticationException(errors.ToString());
            }

            return true;
        };
        handler.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) =>
        {
            EnsureValid(errors);
            return true;
        };
        handler.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) => errors == SslPolicyErrors.None ? true : throw new InvalidOperationException();
    }"));

        [Fact]
        public Task Catch_all_that_swallows_the_throw_and_returns_true_is_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    static bool Check(SslPolicyErrors errors)
    {
        if (errors != SslPolicyErrors.None)
        {
            throw new InvalidOperationException();
        }

        return true;
    }

    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, cert, chain, errors)|} =>
        {
            try
            {
                if (errors != SslPolicyErrors.None)
                {
                    throw new InvalidOperationException(""bad certificate"");
                }
            }
            catch
            {
                Console.WriteLine(""ignored"");
            }

            return true;
        };
    }"));

        [Fact]
        public Task Constant_true_is_folded() => Verify.VerifyAnalyzerAsync(Class(@"
    const bool AcceptAll = true;
    void M(HttpClientHandler handler)
    {
        const bool local = true;
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, cert, chain, errors)|} => AcceptAll;
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, cert, chain, errors)|} => { return local; };
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, cert, chain, errors)|} => true || errors == SslPolicyErrors.None;
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, cert, chain, errors)|} => errors == SslPolicyErrors.None || !false;
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, cert, chain, errors)|} =>
        {
            var ok = errors == SslPolicyErrors.None;
            ok = true;
            return ok;
        };
    }"));

        [Fact]
        public Task Dead_branches_are_not_taken() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) =>
        {
            int x = 20;
            if (x < 100)
            {
                return false;
            }
            else
            {
                return true;
            }
        };
    }"));

        [Fact]
        public Task Switches_and_loops_that_always_end_in_true_are_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, cert, chain, errors)|} =>
        {
            switch (errors)
            {
                case SslPolicyErrors.None:
                    return true;
                default:
                    Console.WriteLine(errors);
                    return true;
            }
        };
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, cert, chain, errors)|} =>
        {
            foreach (var status in chain!.ChainStatus)
            {
                Console.WriteLine(status.StatusInformation);
            }

            return errors switch { SslPolicyErrors.None => true, _ => true };
        };
    }"));

        [Fact]
        public Task Many_independent_branches_do_not_hide_an_accept_all() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, cert, chain, errors)|} =>
        {
            if (cert == null) Console.WriteLine(""no certificate"");
            if (chain == null) Console.WriteLine(""no chain"");
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0) Console.WriteLine(""name"");
            if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0) Console.WriteLine(""chain"");
            if (m.RequestUri?.Host == ""a"") Console.WriteLine(1);
            if (m.RequestUri?.Host == ""b"") Console.WriteLine(2);
            if (m.RequestUri?.Host == ""c"") Console.WriteLine(3);
            if (m.RequestUri?.Host == ""d"") Console.WriteLine(4);
            if (m.RequestUri?.Host == ""e"") Console.WriteLine(5);
            if (m.RequestUri?.Host == ""f"") Console.WriteLine(6);
            if (m.RequestUri?.Host == ""g"") Console.WriteLine(7);
            if (m.RequestUri?.Host == ""h"") Console.WriteLine(8);
            if (m.RequestUri?.Host == ""i"") Console.WriteLine(9);
            if (m.RequestUri?.Host == ""j"") Console.WriteLine(10);
            return true;
        };
    }"));

        // ------------------------------------------------------------------ where the delegate lives (peers 14-17)

        [Fact]
        public Task Stored_delegates_are_reported_once_where_created() => Verify.VerifyAnalyzerAsync(Class(@"
    static readonly RemoteCertificateValidationCallback TrustAll = {|RES3001:(s, c, ch, e)|} => true;
    static Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> Accept { get; } = {|RES3001:(m, c, ch, e)|} => true;

    void M(HttpClientHandler handler)
    {
        var natural = {|RES3001:(HttpRequestMessage message, X509Certificate2? cert, X509Chain? chain, SslPolicyErrors errors)|} => true;
        handler.ServerCertificateCustomValidationCallback = natural;
        RemoteCertificateValidationCallback local = {|RES3001:(sender, cert, chain, errors)|} => true;
        ServicePointManager.ServerCertificateValidationCallback = local;
        ServicePointManager.ServerCertificateValidationCallback = new RemoteCertificateValidationCallback(local);
        ServicePointManager.ServerCertificateValidationCallback = TrustAll;
        handler.ServerCertificateCustomValidationCallback = Accept;
        local = (sender, cert, chain, errors) => errors == SslPolicyErrors.None;
    }"));

        [Fact]
        public Task Parameters_factories_properties_and_operators_are_reported_at_the_creation() => Verify.VerifyAnalyzerAsync(Class(@"
    static void Install(RemoteCertificateValidationCallback callback) => ServicePointManager.ServerCertificateValidationCallback = callback;
    static RemoteCertificateValidationCallback Factory(bool strict) => strict ? (s, c, ch, e) => e == SslPolicyErrors.None : {|RES3001:(s, c, ch, e)|} => true;
    static RemoteCertificateValidationCallback Always => {|RES3001:(s, c, ch, e)|} => true;
    public static RemoteCertificateValidationCallback operator !(C c) => {|RES3001:(s, cert, ch, e)|} => true;

    void M()
    {
        Install({|RES3001:(s, c, ch, e)|} => true);
        Install(Factory(false));
        Install(Always);
        Install(!this);
    }"));

        // ------------------------------------------------------------------ sinks (peers 18-21, 26)

        [Fact]
        public Task DangerousAcceptAnyServerCertificateValidator_is_reported_where_it_configures() => Verify.VerifyAnalyzerAsync(Class(@"
    static Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> Helper() => {|RES3001:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};

    bool M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3001:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};
        var other = new HttpClientHandler { ServerCertificateCustomValidationCallback = {|RES3001:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|} };
        handler.ServerCertificateCustomValidationCallback = Helper();
        return handler.ServerCertificateCustomValidationCallback == HttpClientHandler.DangerousAcceptAnyServerCertificateValidator
            || nameof(HttpClientHandler.DangerousAcceptAnyServerCertificateValidator).Length > 0;
    }"));

        [Fact]
        public Task DangerousAcceptAny_message_names_the_member() => Verify.VerifyAnalyzerAsync(
            Class(@"
    void M(HttpClientHandler handler) => handler.ServerCertificateCustomValidationCallback = {|#0:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};"),
            Verify.Diagnostic("RES3001").WithLocation(0).WithArguments("HttpClientHandler.DangerousAcceptAnyServerCertificateValidator", string.Empty));

        [Fact]
        public Task Http_client_factory_primary_handler_is_reported() => new Verify.Test(@"
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;

class Startup
{
    void ConfigureServices(IServiceCollection services)
    {
        services.AddHttpClient(""resurs"")
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = {|RES3001:(message, cert, chain, errors)|} => true,
            });
        services.AddHttpClient(""resurs-any"")
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { ServerCertificateCustomValidationCallback = {|RES3001:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|} });
    }
}
").RunAsync();

        [Fact]
        public Task Sockets_handler_ssl_options_web_sockets_and_third_party_properties_are_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    sealed class MailClient
    {
        public RemoteCertificateValidationCallback? ServerCertificateValidationCallback { get; set; }
        public void Connect(string host, RemoteCertificateValidationCallback? validate = null) { }
    }

    void M(SocketsHttpHandler sockets, ClientWebSocket socket, HttpWebRequest request, MailClient mail)
    {
        sockets.SslOptions.RemoteCertificateValidationCallback = {|RES3001:(s, c, ch, e)|} => true;
        var nested = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = {|RES3001:(s, c, ch, e)|} => true } };
        var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = {|RES3001:(s, c, ch, e)|} => true };
        socket.Options.RemoteCertificateValidationCallback = {|RES3001:(s, c, ch, e)|} => true;
        request.ServerCertificateValidationCallback = {|RES3001:(s, c, ch, e)|} => true;
        mail.ServerCertificateValidationCallback = {|RES3001:(s, c, ch, e)|} => true;
        mail.Connect(""smtp.example.com"", validate: {|RES3001:(s, c, ch, e)|} => true);
    }"));

        [Fact]
        public Task SslStream_constructor_arguments_are_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    static bool Accept(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => true;

    void M(Stream inner)
    {
        var positional = new SslStream(inner, false, {|RES3001:(s, c, ch, e)|} => true);
        var named = new SslStream(inner, leaveInnerStreamOpen: false, userCertificateValidationCallback: {|RES3001:Accept|});
        SslStream targetTyped = new(inner, false, {|RES3001:(s, c, ch, e)|} => true, null);
    }"));

        [Fact]
        public Task Kestrel_client_certificate_validation_is_reported() => Verify.VerifyAnalyzerAsync(@"
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

class Startup
{
    void Configure(KestrelServerOptions kestrel)
    {
        kestrel.ConfigureHttpsDefaults(https =>
        {
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.ClientCertificateValidation = {|RES3001:(certificate, chain, errors)|} => true;
        });
    }
}
");

        // ------------------------------------------------------------------ callbacks judged by shape (unresolved and third-party types)

        [Fact]
        public Task Callbacks_of_unresolved_types_are_judged_by_shape() => new Verify.Test(@"
class C
{
    static bool AcceptAll(object sender, object certificate, object chain, object errors) => true;
    static bool Checks(object sender, object certificate, object chain, int errors) => errors == 0;

    void M(SmtpClient smtp, RestClientOptions rest, GrpcChannelOptions grpc, NSUrlSessionHandler platform, Unknown half)
    {
        smtp.ServerCertificateValidationCallback = {|RES3001:(s, c, ch, e)|} => true;
        rest.RemoteCertificateValidationCallback = {|RES3001:AcceptAll|};
        var options = new GrpcChannelOptions { CertificateValidationCallback = {|RES3001:(s, c, ch, e)|} => { return true; } };
        platform.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
        half.ServerCertificateValidationCallback += {|RES3001:delegate|} { return true; };
        half.ServerCertificateCustomValidationCallback = {|RES3001:(HttpRequestMessage m, X509Certificate2 c, X509Chain ch, SslPolicyErrors e)|} => true;
    }

    void Silent(SmtpClient smtp, Unknown half)
    {
        smtp.ServerCertificateValidationCallback = (s, c, ch, e) => e == null;
        smtp.ServerCertificateValidationCallback = Checks;
        smtp.ServerCertificateValidationCallback = (s, c) => true;
        smtp.ServerCertificateValidationCallback = (s, c, ch, e) => false;
        smtp.ClientCertificateSelectionCallback = (s, c, ch, e) => true;
        half.CertificateValidator = (s, c, ch, e) => true;
        half.ServerCertificateValidationCallback = null;
    }
}
")
        {
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync();

        private const string MailKitStub = @"
namespace MailKit.Net.Smtp
{
    public delegate bool CertificateCheck(object sender, object certificate, object chain, int sslPolicyErrors);

    public sealed class SmtpClient
    {
        public CertificateCheck? ServerCertificateValidationCallback { get; set; }
        public System.Func<string, bool>? CertificateValidationCallback { get; set; }
    }
}
";

        [Fact]
        public Task Third_party_callback_with_its_own_delegate_type_is_judged_by_shape() => Verify.VerifyAnalyzerAsync(MailKitStub + @"
namespace Shop
{
    using MailKit.Net.Smtp;

    static class Mail
    {
        static bool TrustAll(object sender, object certificate, object chain, int errors) => true;
        static bool Strict(object sender, object certificate, object chain, int errors) => errors == 0;

        static void Configure(SmtpClient client)
        {
            client.ServerCertificateValidationCallback = {|RES3001:(sender, certificate, chain, errors)|} => true;
            client.ServerCertificateValidationCallback = {|RES3001:TrustAll|};
            var inline = new SmtpClient { ServerCertificateValidationCallback = {|RES3001:delegate|} { return true; } };

            client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => errors == 0;
            client.ServerCertificateValidationCallback = Strict;
            client.CertificateValidationCallback = host => true;
        }
    }
}
");

        [Fact]
        public Task Fix_removes_a_third_party_callback_and_does_not_rewrite_it() => new Verify.Test(MailKitStub + @"
namespace Shop
{
    using MailKit.Net.Smtp;

    static class Mail
    {
        static void Configure(SmtpClient client)
        {
            client.ServerCertificateValidationCallback = {|RES3001:(sender, certificate, chain, errors)|} => true;
            System.Console.WriteLine(client);
        }
    }
}
")
        {
            FixedCode = MailKitStub + @"
namespace Shop
{
    using MailKit.Net.Smtp;

    static class Mail
    {
        static void Configure(SmtpClient client)
        {
            System.Console.WriteLine(client);
        }
    }
}
",
            CodeActionEquivalenceKey = EquivalenceKeys.UseDefaultCertificateValidation,
        }.RunAsync();

        [Fact]
        public Task Fix_all_removes_unresolved_callbacks() => new Verify.Test(@"
class C
{
    void M(SmtpClient smtp, Unknown half)
    {
        smtp.ServerCertificateValidationCallback = {|RES3001:(s, c, ch, e)|} => true;
        half.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
        smtp.Timeout = 5;
    }
}
")
        {
            FixedCode = @"
class C
{
    void M(SmtpClient smtp, Unknown half)
    {
        smtp.Timeout = 5;
    }
}
",
            CompilerDiagnostics = CompilerDiagnostics.None,
            CodeActionEquivalenceKey = EquivalenceKeys.UseDefaultCertificateValidation,
        }.RunAsync();

        // ------------------------------------------------------------------ server options that ask for no client certificate

        [Fact]
        public Task Server_callback_without_required_client_certificates_has_no_effect() => Verify.VerifyAnalyzerAsync(Class(@"
    SslServerAuthenticationOptions Silent() => new SslServerAuthenticationOptions { RemoteCertificateValidationCallback = (s, c, ch, e) => true };
    SslServerAuthenticationOptions SilentFalse() => new SslServerAuthenticationOptions { ClientCertificateRequired = false, RemoteCertificateValidationCallback = (s, c, ch, e) => true };
    SslServerAuthenticationOptions Required() => new SslServerAuthenticationOptions { ClientCertificateRequired = true, RemoteCertificateValidationCallback = {|RES3001:(s, c, ch, e)|} => true };

    void NotKnowable(SslServerAuthenticationOptions options)
    {
        options.RemoteCertificateValidationCallback = {|RES3001:(s, c, ch, e)|} => true;
    }"));

        // ------------------------------------------------------------------ delegate shapes (peer 22)

        [Fact]
        public Task Custom_delegate_of_the_same_shape_is_reported_and_other_orders_are_not() => Verify.VerifyAnalyzerAsync(Class(@"
    delegate bool CertificateCheck(string host, X509Certificate2 certificate, X509Chain chain, SslPolicyErrors errors);
    delegate bool Reordered(SslPolicyErrors errors, X509Chain chain, X509Certificate certificate, object sender);
    delegate bool NoCertificate(object sender, SslPolicyErrors errors);

    void M()
    {
        CertificateCheck check = {|RES3001:(host, cert, chain, errors)|} => true;
        Reordered reordered = (errors, chain, cert, sender) => true;
        NoCertificate none = (sender, errors) => true;
        Func<SslPolicyErrors, bool> predicate = errors => true;
    }"));

        // ------------------------------------------------------------------ top-level statements (peer 23), several handlers (peer 29)

        [Fact]
        public Task Top_level_statements_are_reported() => new Verify.Test(@"
using System.Net;
using System.Net.Http;

using var handler = new HttpClientHandler();
handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
ServicePointManager.ServerCertificateValidationCallback += {|RES3001:(s, c, ch, e)|} => true;
ServicePointManager.ServerCertificateValidationCallback += {|RES3001:delegate|} { return true; };
")
        {
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync();

        [Fact]
        public Task Null_conditional_assignment_is_reported() => new Verify.Test(Class(@"
    void M(HttpClientHandler? handler)
    {
        handler?.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
    }"))
        {
            SolutionTransforms = { (solution, projectId) => solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.Preview)) },
        }.RunAsync();

        [Fact]
        public Task Callback_assigned_after_the_request_is_still_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    async Task M(HttpClient client, HttpClientHandler handler)
    {
        await client.GetAsync(""https://merchant-api.resurs.com/"");
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
    }"));

        // ------------------------------------------------------------------ legacy and WCF (peer 27)

        private const string CertificatePolicyStub = @"
using System.Security.Cryptography.X509Certificates;

namespace System.Net
{
    public interface ICertificatePolicy
    {
        bool CheckValidationResult(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int certificateProblem);
    }
}
";

        [Fact]
        public Task Always_true_certificate_policy_is_reported_once_at_its_implementation() => Verify.VerifyAnalyzerAsync(CertificatePolicyStub + @"
namespace Legacy
{
    using System;
    using System.Net;

    static class LegacyServicePointManager
    {
        public static ICertificatePolicy? CertificatePolicy { get; set; }
    }

    sealed class TrustAllCertificatePolicy : ICertificatePolicy
    {
        public bool {|#0:CheckValidationResult|}(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int certificateProblem) => true;
    }

    sealed class LoggingPolicy : ICertificatePolicy
    {
        bool ICertificatePolicy.{|#1:CheckValidationResult|}(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int certificateProblem)
        {
            Console.WriteLine(certificateProblem);
            return true;
        }
    }

    sealed class StrictPolicy : ICertificatePolicy
    {
        public bool CheckValidationResult(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int certificateProblem) => certificateProblem == 0;
    }

    sealed class NotAPolicy
    {
        public bool CheckValidationResult(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int certificateProblem) => true;
    }

    static class Setup
    {
        static void Apply()
        {
            // Installed twice, and never: reported at the class, not at each installation.
            LegacyServicePointManager.CertificatePolicy = new TrustAllCertificatePolicy();
            LegacyServicePointManager.CertificatePolicy = new TrustAllCertificatePolicy();
            LegacyServicePointManager.CertificatePolicy = new StrictPolicy();
        }
    }
}
",
            Verify.Diagnostic("RES3001").WithLocation(0).WithArguments("Certificate policy 'TrustAllCertificatePolicy'", string.Empty),
            Verify.Diagnostic("RES3001").WithLocation(1).WithArguments("Certificate policy 'LoggingPolicy'", string.Empty));

        [Fact]
        public Task A_certificate_policy_that_accepts_some_problem_codes_is_RES3002() => Verify.VerifyAnalyzerAsync(CertificatePolicyStub + @"
namespace Legacy
{
    using System;
    using System.Net;

    sealed class LabRootPolicy : ICertificatePolicy
    {
        public bool {|#0:CheckValidationResult|}(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int certificateProblem)
        {
            if (certificateProblem == unchecked((int)0x800B0109))
                return true;   // the lab's own root
            return certificateProblem == 0;
        }
    }

    sealed class AllButNamePolicy : ICertificatePolicy
    {
        public bool {|#1:CheckValidationResult|}(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int problem) =>
            problem != unchecked((int)0x800B010F);
    }

    // Look-alikes: a policy that rejects every problem, and one that decides on something it cannot see.
    sealed class StrictPolicy : ICertificatePolicy
    {
        const int CertExpired = unchecked((int)0x800B0101);
        public bool CheckValidationResult(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int certificateProblem) =>
            certificateProblem != CertExpired && certificateProblem == 0;
    }

    sealed class HostPolicy : ICertificatePolicy
    {
        public bool CheckValidationResult(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int certificateProblem) =>
            certificateProblem == 0 || srvPoint.Address.Host == ""localhost"";
    }

    // The code as an unsigned number is the same code; a long enum member of it never equals the sign-extended int.
    sealed class UnsignedPolicy : ICertificatePolicy
    {
        public bool {|#2:CheckValidationResult|}(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int certificateProblem) =>
            (uint)certificateProblem == 0x800B0109 || certificateProblem == 0;
    }

    enum CertificateProblem : long { CertUNTRUSTEDROOT = 0x800B0109 }

    sealed class LongEnumPolicy : ICertificatePolicy
    {
        public bool CheckValidationResult(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int certificateProblem) =>
            (CertificateProblem)certificateProblem == CertificateProblem.CertUNTRUSTEDROOT || certificateProblem == 0;
    }

    sealed class NegativePolicy : ICertificatePolicy
    {
        public bool CheckValidationResult(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int certificateProblem)
        {
            if (certificateProblem < 0)
                return false;
            return true;
        }
    }
}
",
            Verify.Diagnostic("RES3002").WithLocation(0).WithArguments(
                "Certificate policy 'LabRootPolicy'", "certificates with problem 0x800B0109 (CERT_E_UNTRUSTEDROOT)", "return true only when certificateProblem is 0", string.Empty),
            Verify.Diagnostic("RES3002").WithLocation(1).WithArguments(
                "Certificate policy 'AllButNamePolicy'", "certificates with any problem code it does not test for", "return true only when problem is 0", string.Empty),
            Verify.Diagnostic("RES3002").WithLocation(2).WithArguments(
                "Certificate policy 'UnsignedPolicy'", "certificates with problem 0x800B0109 (CERT_E_UNTRUSTEDROOT)", "return true only when certificateProblem is 0", string.Empty));

        [Fact]
        public Task Fix_makes_a_policy_that_accepts_some_problem_codes_accept_none() => Verify.VerifyCodeFixAsync(
            CertificatePolicyStub + @"
namespace Legacy
{
    using System.Net;

    sealed class LabRootPolicy : ICertificatePolicy
    {
        public bool {|RES3002:CheckValidationResult|}(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int certificateProblem)
        {
            if (certificateProblem == unchecked((int)0x800B0109))
                return true;
            return certificateProblem == 0;
        }
    }

    sealed class PinnedPolicy : ICertificatePolicy
    {
        const string Pin = ""3B0E2A5F9C"";

        public bool {|RES3002:CheckValidationResult|}(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int problem)
        {
            if (problem == unchecked((int)0x800B0109))
                return true;
            if (problem != 0)
                return false;
            return certificate.GetCertHashString() == Pin;
        }
    }
}
",
            CertificatePolicyStub + @"
namespace Legacy
{
    using System.Net;

    sealed class LabRootPolicy : ICertificatePolicy
    {
        public bool CheckValidationResult(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int certificateProblem)
        {
            if (certificateProblem == unchecked((int)0x800B0109))
                return certificateProblem == 0;
            return certificateProblem == 0;
        }
    }

    sealed class PinnedPolicy : ICertificatePolicy
    {
        const string Pin = ""3B0E2A5F9C"";

        public bool CheckValidationResult(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int problem)
        {
            if (problem == unchecked((int)0x800B0109))
                return problem == 0;
            if (problem != 0)
                return false;
            return problem == 0 && (certificate.GetCertHashString() == Pin);
        }
    }
}
");

        [Fact]
        public Task Fix_makes_a_certificate_policy_check_the_problem_code() => Verify.VerifyCodeFixAsync(
            CertificatePolicyStub + @"
namespace Legacy
{
    using System;
    using System.Net;

    sealed class TrustAllCertificatePolicy : ICertificatePolicy
    {
        public bool {|RES3001:CheckValidationResult|}(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int certificateProblem) => true;
    }

    sealed class LoggingPolicy : ICertificatePolicy
    {
        public bool {|RES3001:CheckValidationResult|}(ServicePoint point, X509Certificate certificate, WebRequest request, int problem)
        {
            Console.WriteLine(problem);
            return true;
        }
    }
}
",
            CertificatePolicyStub + @"
namespace Legacy
{
    using System;
    using System.Net;

    sealed class TrustAllCertificatePolicy : ICertificatePolicy
    {
        public bool CheckValidationResult(ServicePoint srvPoint, X509Certificate certificate, WebRequest request, int certificateProblem) => certificateProblem == 0;
    }

    sealed class LoggingPolicy : ICertificatePolicy
    {
        public bool CheckValidationResult(ServicePoint point, X509Certificate certificate, WebRequest request, int problem)
        {
            Console.WriteLine(problem);
            return problem == 0;
        }
    }
}
",
            EquivalenceKeys.AcceptOnlyValidCertificates);

        private const string WcfStub = @"
namespace System.ServiceModel.Security
{
    public enum X509CertificateValidationMode { None, PeerTrust, ChainTrust, PeerOrChainTrust, Custom }

    public sealed class X509ServiceCertificateAuthentication
    {
        public X509CertificateValidationMode CertificateValidationMode { get; set; }
        public System.Security.Cryptography.X509Certificates.X509RevocationMode RevocationMode { get; set; }
    }
}
";

        [Fact]
        public Task Wcf_validation_mode_none_is_reported_and_comparisons_are_not() => Verify.VerifyAnalyzerAsync(WcfStub + @"
namespace Shop
{
    using System.ServiceModel.Security;

    static class ResursSoapClient
    {
        static bool Configure(X509ServiceCertificateAuthentication authentication)
        {
            authentication.CertificateValidationMode = {|#0:X509CertificateValidationMode.None|};
            var strict = new X509ServiceCertificateAuthentication { CertificateValidationMode = X509CertificateValidationMode.ChainTrust };
            return authentication.CertificateValidationMode == X509CertificateValidationMode.None;
        }
    }
}
", Verify.Diagnostic("RES3001").WithLocation(0).WithArguments("X509CertificateValidationMode.None", string.Empty));

        [Fact]
        public Task Initializers_that_name_certificate_are_judged_and_look_alikes_are_not() => Verify.VerifyAnalyzerAsync(WcfStub + @"
namespace Shop
{
    using System.Net.Http;
    using System.ServiceModel.Security;

    enum KeyProtection { Certificate, Password }

    sealed class ResursSoapClient
    {
        // Each initializer names ""Certificate"", which replays the file.
        static readonly X509CertificateValidationMode Lenient = {|#0:X509CertificateValidationMode.None|};
        static readonly KeyProtection Protection = KeyProtection.Certificate;

        HttpClientHandler Handler { get; } = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = {|#1:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|},
        };

        // Replayed for its own anchors; the field it reads was judged where it is written.
        static void Configure(X509ServiceCertificateAuthentication authentication) => authentication.CertificateValidationMode = Lenient;

        // Names nothing the rule anchors on, and holds nothing it reports.
        static bool IsProtected() => Protection != KeyProtection.Password;
    }
}
",
            Verify.Diagnostic("RES3001").WithLocation(0).WithArguments("X509CertificateValidationMode.None", string.Empty),
            Verify.Diagnostic("RES3001").WithLocation(1).WithArguments("HttpClientHandler.DangerousAcceptAnyServerCertificateValidator", string.Empty));

        [Fact]
        public Task Fix_removes_legacy_and_wcf_settings() => Verify.VerifyCodeFixAsync(
            WcfStub + @"
namespace Shop
{
    using System.ServiceModel.Security;

    static class ResursSoapClient
    {
        static void Configure(X509ServiceCertificateAuthentication authentication)
        {
            authentication.CertificateValidationMode = {|RES3001:X509CertificateValidationMode.None|};
            authentication.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.Online;
        }
    }
}
",
            WcfStub + @"
namespace Shop
{
    using System.ServiceModel.Security;

    static class ResursSoapClient
    {
        static void Configure(X509ServiceCertificateAuthentication authentication)
        {
            authentication.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.Online;
        }
    }
}
",
            EquivalenceKeys.UseDefaultCertificateValidation);

        // ------------------------------------------------------------------ silences

        [Fact]
        public Task Real_validation_is_not_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    const string Pin = ""A1B2C3"";
    static bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => errors == SslPolicyErrors.None;

    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) => errors == SslPolicyErrors.None;
        handler.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) => errors == SslPolicyErrors.None && cert?.GetCertHashString() == Pin;
        handler.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) => false;
        handler.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) => throw new NotImplementedException();
        handler.ServerCertificateCustomValidationCallback = null;
        ServicePointManager.ServerCertificateValidationCallback = Validate;
        ServicePointManager.ServerCertificateValidationCallback = delegate { return false; };
        Func<bool> unrelated = () => true;
        Predicate<X509Certificate2> alsoUnrelated = cert => true;
    }"));

        [Fact]
        public Task Validators_from_other_assemblies_and_unjudgeable_bodies_are_not_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    static partial class Partial { }
    static bool WithGoto(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e)
    {
        start:
        if (e == SslPolicyErrors.None) return true;
        goto start;
    }

    void M(Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> injected, HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = injected;
        handler.ServerCertificateCustomValidationCallback = injected.Invoke;
        ServicePointManager.ServerCertificateValidationCallback = WithGoto;
    }"));

        [Fact]
        public async Task Validator_bodies_in_referenced_assemblies_are_not_judged()
        {
            var references = await TestEnvironment.Net80.ResolveAsync(LanguageNames.CSharp, default);
            var library = CSharpCompilation.Create(
                "Vendor.Tls",
                new[] { CSharpSyntaxTree.ParseText(Usings + "public static class VendorValidators { public static bool AcceptAll(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => true; }") },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new System.IO.MemoryStream();
            Assert.True(library.Emit(image).Success);

            // Policy: a body the analyzer cannot see is not guessed at, directly or through a wrapper that passes the errors on.
            var test = new Verify.Test(Class(@"
    void M(HttpClientHandler handler)
    {
        ServicePointManager.ServerCertificateValidationCallback = VendorValidators.AcceptAll;
        handler.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) => VendorValidators.AcceptAll(m, cert, chain, errors);
    }"));
            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromImage(image.ToArray()));
            await test.RunAsync();
        }

        // ------------------------------------------------------------------ policy (peer 28)

        private const string DevelopmentSource = @"
using System.Net.Http;
using Microsoft.Extensions.Hosting;

class Startup
{
    void M(IHostEnvironment env, HttpClientHandler handler)
    {
        if (env.IsDevelopment())
        {
            handler.ServerCertificateCustomValidationCallback = {|#0:(m, c, ch, e)|} => true;
        }
#if DEBUG
        handler.ServerCertificateCustomValidationCallback = {|#1:(m, c, ch, e)|} => true;
#endif
    }
}
";

        [Fact]
        public Task Development_only_code_is_reported_with_a_note() => new Verify.Test(DevelopmentSource)
        {
            TestState = { ExpectedDiagnostics = { DevelopmentDiagnostic(0), DevelopmentDiagnostic(1) } },
            SolutionTransforms = { DefineDebug },
        }.RunAsync();

        [Fact]
        public Task Development_code_skip_silences_development_only_code() => new Verify.Test(
            DevelopmentSource.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("e)|}", "e)"),
            "resurs_analyzers.development_code = skip")
        {
            SolutionTransforms = { DefineDebug },
        }.RunAsync();

        [Fact]
        public Task Test_projects_are_silent_by_default_and_report_on_request()
        {
            var source = Class(@"
    void M(HttpClientHandler handler) => handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => true;");
            var silent = new Verify.Test(source);
            silent.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            var reported = new Verify.Test(source.Replace("(m, c, ch, e) =>", "{|RES3001:(m, c, ch, e)|} =>"), "resurs_analyzers.RES3001.test_code = report");
            reported.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            return Task.WhenAll(silent.RunAsync(), reported.RunAsync());
        }

        private static DiagnosticResult DevelopmentDiagnostic(int location) =>
            Verify.Diagnostic("RES3001").WithLocation(location).WithArguments(
                "This certificate validation callback",
                " (in development-only code; if this is deliberate, suppress RES3001 with #pragma warning disable or set resurs_analyzers.development_code = skip)");

        private static Solution DefineDebug(Solution solution, ProjectId projectId)
        {
            var options = (CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!;
            return solution.WithProjectParseOptions(projectId, options.WithPreprocessorSymbols("DEBUG"));
        }

        // ------------------------------------------------------------------ fix 1: use default certificate validation

        [Fact]
        public Task Fix_removes_assignment_statements() => Verify.VerifyCodeFixAsync(
            Class(@"
    void M(HttpClientHandler handler)
    {
        // Trust the staging certificate.
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
        ServicePointManager.ServerCertificateValidationCallback += {|RES3001:delegate|} { return true; };
        handler.ServerCertificateCustomValidationCallback = {|RES3001:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};
        Console.WriteLine(handler);
    }"),
            Class(@"
    void M(HttpClientHandler handler)
    {
        Console.WriteLine(handler);
    }"),
            EquivalenceKeys.UseDefaultCertificateValidation);

        [Fact]
        public Task Fix_empties_lambdas_and_members_that_only_install_the_callback() => Verify.VerifyCodeFixAsync(
            Class(@"
    Action<HttpClientHandler> Configure = h => h.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
    void Install(HttpClientHandler handler) => handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
    void M(HttpClientHandler handler, bool staging)
    {
        if (staging) handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
    }"),
            Class(@"
    Action<HttpClientHandler> Configure = h => { };
    void Install(HttpClientHandler handler)
    {
    }
    void M(HttpClientHandler handler, bool staging)
    {
    }"),
            EquivalenceKeys.UseDefaultCertificateValidation);

        [Fact]
        public Task Fix_removes_an_if_it_empties_when_the_condition_has_no_side_effects() => Verify.VerifyCodeFixAsync(
            Class(@"
    sealed class Options { public bool AllowUntrusted { get; set; } public bool Staging; }
    void M(HttpClientHandler handler, Options options, int retries)
    {
        if (options.AllowUntrusted)
        {
            handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
        }

        if (!options.Staging && retries > 0)
        {
            handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
        }
        else
        {
            handler.UseCookies = false;
        }

        if (options.Staging)
        {
            handler.UseProxy = false;
        }
        else
        {
            handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
        }
    }"),
            Class(@"
    sealed class Options { public bool AllowUntrusted { get; set; } public bool Staging; }
    void M(HttpClientHandler handler, Options options, int retries)
    {
        if (!(!options.Staging && retries > 0))
        {
            handler.UseCookies = false;
        }

        if (options.Staging)
        {
            handler.UseProxy = false;
        }
    }"),
            EquivalenceKeys.UseDefaultCertificateValidation);

        [Fact]
        public Task Fix_keeps_a_condition_with_side_effects_and_says_why() => Verify.VerifyCodeFixAsync(
            Class(@"
    static bool AllowUntrusted() => Environment.GetEnvironmentVariable(""ALLOW_UNTRUSTED"") == ""1"";
    void M(HttpClientHandler handler)
    {
        if (AllowUntrusted())
        {
            handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
        }
    }"),
            Class(@"
    static bool AllowUntrusted() => Environment.GetEnvironmentVariable(""ALLOW_UNTRUSTED"") == ""1"";
    void M(HttpClientHandler handler)
    {
        if (AllowUntrusted())
        {
            // The removed statement was the only one here; the condition stays because evaluating it may have side effects.
        }
    }"),
            EquivalenceKeys.UseDefaultCertificateValidation);

        [Fact]
        public Task Fix_removes_initializer_entries() => Verify.VerifyCodeFixAsync(
            Class(@"
    HttpMessageHandler Only() => new HttpClientHandler { ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true };
    HttpMessageHandler Several() => new HttpClientHandler
    {
        UseCookies = false,
        ServerCertificateCustomValidationCallback = {|RES3001:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|},
    };
    HttpMessageHandler Nested() => new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = {|RES3001:(s, c, ch, e)|} => true } };"),
            Class(@"
    HttpMessageHandler Only() => new HttpClientHandler();
    HttpMessageHandler Several() => new HttpClientHandler
    {
        UseCookies = false,
    };
    HttpMessageHandler Nested() => new SocketsHttpHandler();"),
            EquivalenceKeys.UseDefaultCertificateValidation);

        [Fact]
        public Task Fix_removes_arguments() => Verify.VerifyCodeFixAsync(
            Class(@"
    void M(Stream inner)
    {
        var positional = new SslStream(inner, false, {|RES3001:(s, c, ch, e)|} => true);
        var named = new SslStream(inner, leaveInnerStreamOpen: false, userCertificateValidationCallback: {|RES3001:(s, c, ch, e)|} => true);
        var middle = new SslStream(inner, false, {|RES3001:(s, c, ch, e)|} => true, null);
    }"),
            Class(@"
    void M(Stream inner)
    {
        var positional = new SslStream(inner, false);
        var named = new SslStream(inner, leaveInnerStreamOpen: false);
        var middle = new SslStream(inner, false, null, null);
    }"),
            EquivalenceKeys.UseDefaultCertificateValidation);

        [Fact]
        public Task Fix_all_in_the_solution_covers_every_document() => new Verify.Test(Class(@"
    void M(HttpClientHandler handler) => handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;"))
        {
            TestState = { Sources = { Usings + "static class Other { static void N() { ServicePointManager.ServerCertificateValidationCallback += {|RES3001:(s, c, ch, e)|} => true; } }" } },
            FixedState =
            {
                Sources =
                {
                    Class(@"
    void M(HttpClientHandler handler)
    {
    }"),
                    Usings + "static class Other { static void N() { } }",
                },
            },
            CodeActionEquivalenceKey = EquivalenceKeys.UseDefaultCertificateValidation,
        }.RunAsync();

        [Fact]
        public Task Fix_removal_is_not_offered_for_stored_delegates()
        {
            // Removing the initializer would break every use of the field; "Accept only valid certificates" applies instead.
            var source = Class(@"
    static readonly RemoteCertificateValidationCallback TrustAll = {|RES3001:(s, c, ch, e)|} => true;
    static RemoteCertificateValidationCallback Factory() => {|RES3001:(s, c, ch, e)|} => true;");
            return Verify.VerifyCodeFixAsync(source, source, EquivalenceKeys.UseDefaultCertificateValidation);
        }

        // ------------------------------------------------------------------ fix 2: accept only valid certificates

        [Fact]
        public Task Fix_rewrites_lambdas_with_their_own_parameter_name() => Verify.VerifyCodeFixAsync(
            Class(@"
    static readonly RemoteCertificateValidationCallback TrustAll = {|RES3001:(sender, cert, chain, policyErrors)|} => true;

    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(_, _, _, _)|} => true;
        handler.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} =>
        {
            Console.WriteLine(c?.Subject);
            return true;
        };
    }"),
            Class(@"
    static readonly RemoteCertificateValidationCallback TrustAll = (sender, cert, chain, policyErrors) => policyErrors == SslPolicyErrors.None;

    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None;
        handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) =>
        {
            Console.WriteLine(c?.Subject);
            return e == SslPolicyErrors.None;
        };
    }"),
            EquivalenceKeys.AcceptOnlyValidCertificates);

        [Fact]
        public Task Fix_names_parameters_of_a_parameterless_anonymous_method() => Verify.VerifyCodeFixAsync(
            Class(@"
    void M() => ServicePointManager.ServerCertificateValidationCallback = {|RES3001:delegate|} { return true; };"),
            Class(@"
    void M() => ServicePointManager.ServerCertificateValidationCallback = (_, _, _, errors) => { return errors == SslPolicyErrors.None; };"),
            EquivalenceKeys.AcceptOnlyValidCertificates);

        [Fact]
        public Task Fix_rewrites_the_method_of_a_method_group_once() => Verify.VerifyCodeFixAsync(
            Class(@"
    static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors)
    {
        return true;
    }

    void M(Stream inner)
    {
        ServicePointManager.ServerCertificateValidationCallback = {|RES3001:AcceptAll|};
        var stream = new SslStream(inner, false, new RemoteCertificateValidationCallback(AcceptAll));
    }"),
            Class(@"
    static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors)
    {
        return sslPolicyErrors == SslPolicyErrors.None;
    }

    void M(Stream inner)
    {
        ServicePointManager.ServerCertificateValidationCallback = AcceptAll;
        var stream = new SslStream(inner, false, new RemoteCertificateValidationCallback(AcceptAll));
    }"),
            EquivalenceKeys.AcceptOnlyValidCertificates);

        [Fact]
        public Task Fix_rewrites_an_expression_bodied_local_function() => Verify.VerifyCodeFixAsync(
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3001:Accept|};

        static bool Accept(HttpRequestMessage message, X509Certificate2? cert, X509Chain? chain, SslPolicyErrors _) => true;
    }"),
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = Accept;

        static bool Accept(HttpRequestMessage message, X509Certificate2? cert, X509Chain? chain, SslPolicyErrors errors) => errors == SslPolicyErrors.None;
    }"),
            EquivalenceKeys.AcceptOnlyValidCertificates);

        [Fact]
        public Task Fix_replaces_DangerousAcceptAny_with_a_lambda_and_adds_the_using() => Verify.VerifyCodeFixAsync(
            @"
using System.Net.Http;

class C
{
    HttpClientHandler Create() => new HttpClientHandler { ServerCertificateCustomValidationCallback = {|RES3001:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|} };
}
",
            @"
using System.Net.Http;
using System.Net.Security;

class C
{
    HttpClientHandler Create() => new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None };
}
",
            EquivalenceKeys.AcceptOnlyValidCertificates);
    }
}
