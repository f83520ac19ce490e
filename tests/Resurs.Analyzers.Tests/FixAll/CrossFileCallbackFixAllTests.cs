using System.Threading.Tasks;
using Resurs.Analyzers.Tests.Rules;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Callbacks.CallbackUrlAnalyzer,
    Resurs.Analyzers.CodeFixes.Callbacks.CallbackUrlCodeFixProvider>;

namespace Resurs.Analyzers.Tests.FixAll
{
    /// <summary>
    /// Callback URLs written in another file than their use: reported at each use, fixed at the declaration. The verifier
    /// applies the lightbulb fix one at a time and Fix All in document, project and solution, and each must reach the
    /// same fixed files: one edit per declaration however many uses reach it, and the declaration's own diagnostics and
    /// the other documents' in-place ones fixed in the same pass.
    /// </summary>
    public class CrossFileCallbackFixAllTests
    {
        private const string Constants = @"
namespace NordicGear.Payments
{
    public static class ResursConstants
    {
        public const string PaymentsEndpoint = ""http://shop.nordicgear.se:8080/resurs/callback"";
        public const string PublicSite = ""https://shop.nordicgear.se"";
    }
}
";

        private const string FixedConstants = @"
namespace NordicGear.Payments
{
    public static class ResursConstants
    {
        public const string PaymentsEndpoint = ""https://shop.nordicgear.se/resurs/callback"";
        public const string PublicSite = ""https://shop.nordicgear.se"";
    }
}
";

        [Fact]
        public async Task Uses_of_one_constant_in_two_files_make_one_edit_at_its_declaration()
        {
            var test = new Verify.Test(@"
using Shop;

namespace NordicGear.Payments
{
    public class BookingService
    {
        public BookingRequest Create(string orderId) => new BookingRequest
        {
            CallbackUrl = {|RES1004:{|RES1005:ResursConstants.PaymentsEndpoint|}|} + ""?order="" + orderId,
        };

        public void Update(BookingRequest request) => request.CallbackUrl = {|RES1004:{|RES1005:ResursConstants.PaymentsEndpoint|}|};
    }
}
");
            test.TestState.Sources.Add(("Refunds.cs", @"
using Shop;

namespace NordicGear.Payments
{
    public class RefundService
    {
        public void Fill(BookingRequest request) => request.CallbackUrl = {|RES1004:{|RES1005:ResursConstants.PaymentsEndpoint|}|} + ""/refund"";
    }
}
"));
            test.TestState.Sources.Add(("ResursConstants.cs", Constants));
            test.TestState.Sources.Add(("Shop.cs", CallbackTestCode.Types));
            test.FixedState.Sources.Add(@"
using Shop;

namespace NordicGear.Payments
{
    public class BookingService
    {
        public BookingRequest Create(string orderId) => new BookingRequest
        {
            CallbackUrl = ResursConstants.PaymentsEndpoint + ""?order="" + orderId,
        };

        public void Update(BookingRequest request) => request.CallbackUrl = ResursConstants.PaymentsEndpoint;
    }
}
");
            test.FixedState.Sources.Add(("Refunds.cs", @"
using Shop;

namespace NordicGear.Payments
{
    public class RefundService
    {
        public void Fill(BookingRequest request) => request.CallbackUrl = ResursConstants.PaymentsEndpoint + ""/refund"";
    }
}
"));
            test.FixedState.Sources.Add(("ResursConstants.cs", FixedConstants));
            test.FixedState.Sources.Add(("Shop.cs", CallbackTestCode.Types));
            await test.RunAsync();
        }

        [Fact]
        public async Task In_document_and_cross_file_diagnostics_are_fixed_together()
        {
            // ResursConstants.cs uses its own constant (reported at the literal there) and BookingService.cs uses it too
            // (reported at the reference, fixed at the same literal): the literal is edited once. BookingService.cs has
            // its own literal, fixed in place in the same Fix All.
            var test = new Verify.Test(@"
using Shop;

namespace NordicGear.Payments
{
    public class BookingService
    {
        public BookingRequest Create(string orderId) => new BookingRequest
        {
            CallbackUrl = {|RES1004:ResursConstants.PaymentsEndpoint|} + ""?order="" + orderId,
        };

        public void Notify(BookingRequest request) => request.CallbackUrl = {|RES1004:""http://shop.nordicgear.se/resurs/notify""|};
    }
}
");
            test.TestState.Sources.Add(("ResursConstants.cs", @"
using Shop;

namespace NordicGear.Payments
{
    public static class ResursConstants
    {
        public const string PaymentsEndpoint = {|RES1004:""http://shop.nordicgear.se/resurs/callback""|};

        public static BookingRequest Default() => new BookingRequest { CallbackUrl = PaymentsEndpoint };
    }
}
"));
            test.TestState.Sources.Add(("Shop.cs", CallbackTestCode.Types));
            test.FixedState.Sources.Add(@"
using Shop;

namespace NordicGear.Payments
{
    public class BookingService
    {
        public BookingRequest Create(string orderId) => new BookingRequest
        {
            CallbackUrl = ResursConstants.PaymentsEndpoint + ""?order="" + orderId,
        };

        public void Notify(BookingRequest request) => request.CallbackUrl = ""https://shop.nordicgear.se/resurs/notify"";
    }
}
");
            test.FixedState.Sources.Add(("ResursConstants.cs", @"
using Shop;

namespace NordicGear.Payments
{
    public static class ResursConstants
    {
        public const string PaymentsEndpoint = ""https://shop.nordicgear.se/resurs/callback"";

        public static BookingRequest Default() => new BookingRequest { CallbackUrl = PaymentsEndpoint };
    }
}
"));
            test.FixedState.Sources.Add(("Shop.cs", CallbackTestCode.Types));
            await test.RunAsync();
        }
    }
}
