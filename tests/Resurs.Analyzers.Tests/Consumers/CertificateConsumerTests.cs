using System.Threading.Tasks;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Certificates.CertificateValidationAnalyzer,
    Resurs.Analyzers.CodeFixes.Certificates.CertificateValidationCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Consumers
{
    /// <summary>
    /// Certificate validation the way a merchant's project spreads it over files: a handler factory in one file, the
    /// callers that hand it validators in others. A file that never spells a certificate type is judged like any other.
    /// </summary>
    public class CertificateConsumerTests
    {
        private const string HandlerFactory = @"
using System;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NordicGear.Payments.Http
{
    public static class HandlerFactory
    {
        public static HttpClientHandler WithValidator(Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> validator) =>
            new HttpClientHandler { ServerCertificateCustomValidationCallback = validator };
    }
}
";

        [Fact]
        public async Task A_validator_written_in_a_file_that_names_no_certificate_type_is_reported()
        {
            var test = new Verify.Test(@"
using System.Net.Http;

namespace NordicGear.Payments.Http
{
    public static class ResursHttp
    {
        public static HttpClient Create() =>
            new HttpClient(HandlerFactory.WithValidator({|RES3001:(message, cert, chain, errors)|} => true));

        // A look-alike: the same helper with a validator that accepts only a clean chain.
        public static HttpClient Strict() =>
            new HttpClient(HandlerFactory.WithValidator((message, cert, chain, errors) => errors == System.Net.Security.SslPolicyErrors.None));
    }
}
");
            test.TestState.Sources.Add(("HandlerFactory.cs", HandlerFactory));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_method_group_validator_from_another_file_is_reported_where_it_is_passed()
        {
            var test = new Verify.Test(@"
using System.Net.Http;

namespace NordicGear.Payments.Http
{
    public static class ResursHttp
    {
        public static HttpClient Create() => new HttpClient(HandlerFactory.WithValidator({|RES3001:Validators.AcceptAll|}));
    }
}
");
            test.TestState.Sources.Add(("HandlerFactory.cs", HandlerFactory));
            test.TestState.Sources.Add(("Validators.cs", @"
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NordicGear.Payments.Http
{
    public static class Validators
    {
        public static bool AcceptAll(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
    }
}
"));
            await test.RunAsync();
        }
    }
}
