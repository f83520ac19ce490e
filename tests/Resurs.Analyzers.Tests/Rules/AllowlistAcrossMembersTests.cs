using System.Threading.Tasks;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Network.AllowlistAnalyzer,
    Resurs.Analyzers.CodeFixes.Network.AllowlistCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    /// <summary>
    /// The allowlist rules replay the members an address is written in, then follow the fields and properties it
    /// reaches to the members that fill, create or read them. These files name no IPAddress and keep every other member
    /// free of address literals, so only that following can connect the pieces.
    /// </summary>
    [Trait("Rule", "RES4001")]
    [Trait("Rule", "RES4002")]
    public class AllowlistAcrossMembersTests
    {
        private static string Code(string members) => @"
using System.Collections.Generic;
using System.Linq;

class Gate
{
" + members + @"

    public string Describe() => ""gate"";
}
";

        [Fact]
        public Task A_list_filled_in_the_constructor_is_reported_at_its_creation_in_a_field() => Verify.VerifyAnalyzerAsync(Code(@"
    private readonly List<string> sources = {|RES4002:new List<string>()|};

    public Gate()
    {
        sources.Add(""192.121.110.100"");
        sources.Add(""13.50.187.51"");
    }

    public bool Admit(string remote) => sources.Contains(remote);"));

        [Fact]
        public Task A_neutral_list_read_as_an_allowlist_in_another_member_is_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    private static readonly string[] Ranges = { ""10.0.0.0/8"", {|RES4001:""51.21.0.0/16""|} };

    public bool Admit(string remote) => Ranges.Contains(remote);"));

        [Fact]
        public Task A_const_address_used_in_another_members_allowlist_is_reported_at_the_const() => Verify.VerifyAnalyzerAsync(Code(@"
    private const string Cloud = {|RES4001:""51.21.0.0/16""|};

    public bool Admit(string remote)
    {
        var allowedRanges = new List<string> { Cloud };
        return allowedRanges.Contains(remote);
    }"));

        [Fact]
        public Task Lists_followed_through_another_field_are_read() => Verify.VerifyAnalyzerAsync(Code(@"
    private const string Cloud = {|RES4001:""51.21.0.0/16""|};
    private static readonly string[] Ranges = { Cloud };

    public bool Admit(string remote) => Ranges.Contains(remote);"));

        [Fact]
        public Task A_neutral_list_that_nothing_reads_as_an_allowlist_is_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    private static readonly string[] Ranges = { ""10.0.0.0/8"", ""51.21.0.0/16"" };

    public int Count() => Ranges.Length;"));
    }
}
