using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Replay;
using Resurs.Analyzers.Options;

namespace Resurs.Analyzers.Rules.Callbacks
{
    /// <summary>
    /// RES1001: a tunnel or request-capture host in any string (<see cref="TunnelUrls"/>), and
    /// RES1002-RES1005: a URL Resurs must call back on, judged where it is used as a callback (see <see cref="CallbackSinks"/>),
    /// and reported once at the literal that holds the bad host, scheme or port. An unreachable host (RES1002, RES1003,
    /// or a tunnel for RES1001) is the only finding for that URL; scheme and port are judged for hosts Resurs could reach.
    /// </summary>
#pragma warning disable RS1001 // A rule view: the host loads ResursAnalyzer, which runs this rule with the others in one pass.
    public sealed class CallbackUrlAnalyzer : ResursCodeAnalyzer, ICodeRule
#pragma warning restore RS1001
    {
        /// <summary>Diagnostic property keys read by the code fix.</summary>
        public const string FindProperty = "Find";
        public const string ReplaceProperty = "Replace";
        public const string TitleProperty = "Title";

        /// <summary>Set when the edit belongs at the diagnostic's additional location: the declaration in another file.</summary>
        public const string InDeclarationProperty = "InDeclaration";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RES1001, Descriptors.RES1002, Descriptors.RES1003, Descriptors.RES1004, Descriptors.RES1005)
                .AddRange(Descriptors.ReturnAddressVariants);

        internal override ImmutableArray<ICodeRule> Rules => ImmutableArray.Create<ICodeRule>(this);

        void ICodeRule.Start(CodePass pass)
        {
            var policy = pass.Policy;
            var analysis = new CompilationAnalysis(policy);

            var replay = new OperationReplay()
                .On(c => analysis.AnalyzeAssignment(c, Findings(c)), OperationKind.SimpleAssignment, OperationKind.CoalesceAssignment)
                .On(c => analysis.AnalyzeDeclarator(c, Findings(c)), OperationKind.VariableDeclarator)
                .On(c => analysis.AnalyzeMemberInitializer(c, Findings(c)), OperationKind.FieldInitializer, OperationKind.PropertyInitializer, OperationKind.ParameterInitializer)
                .On(c => analysis.AnalyzeCall(c, Findings(c)), OperationKind.Invocation, OperationKind.ObjectCreation)
                .On(c => TunnelUrls.AnalyzeLiteral(c, policy), OperationKind.Literal);

            // Only members that write a URL some rule could object to, name a member declared with one anywhere in the
            // compilation (DeclaredValues), build one with UriBuilder, or name a tunnel service (RES1001 reports tunnel
            // names anywhere, see TunnelUrls) are replayed. A URL in a field or property initializer replays that member
            // and, through its name, every member of the file that uses it (the whole file when the member is not one
            // whose name is followed, such as a field of an options type); the findings of a file are reported
            // together, once per literal, when the file is done.
            var setup = new ReplaySetup(replay, run => analysis.Flush(Findings(run), run));
            pass.Words(UrlAnchors.SchemeSeparator);
            pass.Words(UriBuilderAnchor);
            pass.Words(TunnelUrls.BareTunnelAnchors);
            System.Func<SyntaxTree, HostVerdicts> riskyHosts = analysis.RiskyHosts;
            var declared = new DeclaredValues(pass, (file, positions) => UrlAnchors.FindRiskyUrls(file, positions, riskyHosts));
            pass.Add(
                () => setup,
                (file, positions) =>
                {
                    declared.FindAnchors(file, positions);
                    file.FindAll(UriBuilderAnchor, positions);
                    TunnelUrls.FindBareAnchors(file, policy.Read(ResursOptions.TunnelDomains, RuleIds.TunnelUrl, file.Tree), positions);
                },
                skipGeneratedCode: true,
                followedNames: declared.FollowedNames);
        }

        private static readonly string[] UriBuilderAnchor = { "UriBuilder" };

        private static ConcurrentQueue<Finding> Findings(OperationContext context) => Findings(context.Root.Replay);

        private static ConcurrentQueue<Finding> Findings(ReplayRun run) =>
            run.State(() => new ConcurrentQueue<Finding>());

        private sealed class CompilationAnalysis
        {
            private readonly AnalysisPolicy policy;
            private readonly ConcurrentDictionary<(ImmutableArray<string> Tunnels, ImmutableArray<string> Suffixes), HostVerdicts> riskyHosts =
                new ConcurrentDictionary<(ImmutableArray<string>, ImmutableArray<string>), HostVerdicts>();

            private readonly ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span, string Id), byte> reported = new ConcurrentDictionary<(SyntaxTree, TextSpan, string), byte>();

            public CompilationAnalysis(AnalysisPolicy policy)
            {
                this.policy = policy;
            }

            public void AnalyzeAssignment(OperationContext context, ConcurrentQueue<Finding> findings)
            {
                var assignment = (IAssignmentOperation)context.Operation;
                if (!CarriesUrl(assignment.Value))
                {
                    return;
                }

                var names = Names(context.Operation.Syntax.SyntaxTree);
                if (CallbackSinks.FromAssignmentTarget(assignment, names) is { } sink)
                {
                    Evaluate(findings, assignment.Value, sink);
                }
            }

            public void AnalyzeDeclarator(OperationContext context, ConcurrentQueue<Finding> findings)
            {
                var declarator = (IVariableDeclaratorOperation)context.Operation;
                var value = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                if (value is null || !CarriesUrl(value))
                {
                    return;
                }

                var names = Names(context.Operation.Syntax.SyntaxTree);
                if (names.Mentions(declarator.Symbol.Name) && names.IsCallbackIn(declarator.Symbol.Name, CallbackSinks.EnclosingContext(declarator))
                    && !CallbackSinks.IsOutboundOnly(declarator))
                {
                    Evaluate(findings, value, new CallbackSink("local '" + declarator.Symbol.Name + "'", declarator.Syntax, names.IsReturnAddress(declarator.Symbol.Name)));
                }
            }

            public void AnalyzeMemberInitializer(OperationContext context, ConcurrentQueue<Finding> findings)
            {
                var initializer = (ISymbolInitializerOperation)context.Operation;
                if (!CarriesUrl(initializer.Value))
                {
                    return;
                }

                var names = Names(context.Operation.Syntax.SyntaxTree);
                ISymbol? member = initializer switch
                {
                    IFieldInitializerOperation field when field.InitializedFields.Length == 1 => field.InitializedFields[0],
                    IPropertyInitializerOperation property when property.InitializedProperties.Length == 1 => property.InitializedProperties[0],
                    IParameterInitializerOperation parameter => PositionalProperty(parameter.Parameter),
                    _ => null,
                };
                if (member is not null && CallbackSinks.IsCallbackMember(member, names))
                {
                    var description = CallbackSinks.Describe(member);
                    Evaluate(findings, initializer.Value, new CallbackSink(description, initializer.Syntax, CallbackSinks.IsReturnAddress(names, member.Name, description)));
                }
            }

            /// <summary>
            /// The property a positional record declares with <paramref name="parameter"/>
            /// (<c>record ResursWebhook(string CallbackUrl = "…")</c>): the parameter's default is the property's value
            /// whenever a caller leaves it out, and the property has no initializer of its own to judge.
            /// </summary>
            private static IPropertySymbol? PositionalProperty(IParameterSymbol parameter)
            {
                if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType: { IsRecord: true } record })
                {
                    return null;
                }

                foreach (var member in record.GetMembers(parameter.Name))
                {
                    if (member is IPropertySymbol { DeclaringSyntaxReferences.Length: 1 } property
                        && property.DeclaringSyntaxReferences[0].GetSyntax() is ParameterSyntax)
                    {
                        return property;
                    }
                }

                return null;
            }

            public void AnalyzeCall(OperationContext context, ConcurrentQueue<Finding> findings)
            {
                var arguments = context.Operation switch
                {
                    IInvocationOperation invocation => invocation.Arguments,
                    IObjectCreationOperation creation => creation.Arguments,
                    _ => ImmutableArray<IArgumentOperation>.Empty,
                };
                CallbackNames? names = null;
                foreach (var argument in arguments)
                {
                    if (argument.ArgumentKind != ArgumentKind.Explicit || !CarriesUrl(argument.Value))
                    {
                        continue;
                    }

                    names ??= Names(context.Operation.Syntax.SyntaxTree);
                    if (CallbackSinks.FromArgument(context.Operation, argument, arguments, names) is { } sink)
                    {
                        Evaluate(findings, argument.Value, sink);
                    }
                }
            }

            /// <summary>
            /// Reports one diagnostic per literal and rule: where several uses reach the same literal (a shared const),
            /// the first use in source order names the use in the message, whatever order the actions ran in.
            /// </summary>
            public void Flush(ConcurrentQueue<Finding> findings, ReplayRun context)
            {
                var ordered = new List<Finding>(findings);
                ordered.Sort((x, y) =>
                {
                    var byLocation = x.Diagnostic.Location.SourceSpan.Start.CompareTo(y.Diagnostic.Location.SourceSpan.Start);
                    if (byLocation != 0)
                    {
                        return byLocation;
                    }

                    var byId = string.CompareOrdinal(x.Diagnostic.Id, y.Diagnostic.Id);
                    return byId != 0 ? byId : x.UseStart.CompareTo(y.UseStart);
                });
                foreach (var finding in ordered)
                {
                    var location = finding.Diagnostic.Location;
                    if (reported.TryAdd((location.SourceTree!, location.SourceSpan, finding.Diagnostic.Id), 0))
                    {
                        context.Report(finding.Diagnostic);
                    }
                }
            }

            /// <summary>
            /// For the anchors of <paramref name="tree"/>: which URL hosts are not ordinary reachable names there. The
            /// tree's tunnel and internal-suffix options are read only when a host gets this far (the anchors call this
            /// lazily), and answers are shared by every tree with the same option values; allowed_hosts is left to the
            /// judge (it only ever removes findings).
            /// </summary>
            public HostVerdicts RiskyHosts(SyntaxTree tree) => riskyHosts.GetOrAdd(
                (policy.Read(ResursOptions.TunnelDomains, RuleIds.TunnelUrl, tree), policy.Read(ResursOptions.InternalHostSuffixes, RuleIds.InternalCallbackHost, tree)),
                key => new HostVerdicts(name => CallbackHost.Classify(name, bracketed: false, key.Tunnels, key.Suffixes, ImmutableArray<string>.Empty, out _) != HostVerdict.Reachable));

            /// <summary>The family-level callback_names list (global key only).</summary>
            private CallbackNames Names(SyntaxTree tree) => policy.Read(ResursOptions.CallbackNameList, RuleIds.NonPublicCallbackAddress, tree);

            /// <summary>
            /// Cheap first filter, before any name or option is looked at: the value must be able to start with known URL
            /// text (<see cref="UrlValue.MayHoldUrl"/>), and only string, Uri and UriBuilder values can be URLs.
            /// </summary>
            private bool CarriesUrl(IOperation value)
            {
                if (!UrlValue.MayHoldUrl(value))
                {
                    return false;
                }

                value = Conversions.Unwrap(value);
                var type = value.Type;
                return type is not null
                    && (type.SpecialType == SpecialType.System_String
                        || WellKnownTypes.IsSystemType(type, "Uri")
                        || WellKnownTypes.IsSystemType(type, "UriBuilder"));
            }

            private void Evaluate(ConcurrentQueue<Finding> findings, IOperation value, CallbackSink sink)
            {
                if (UriBuilderParts.TryGet(value) is { } builder)
                {
                    EvaluateBuilder(findings, builder, sink);
                    if (builder.Uri is null)
                    {
                        return;
                    }

                    value = builder.Uri;
                }

                foreach (var url in UrlValue.All(value))
                {
                    var results = new List<UrlFinding>();
                    CallbackUrlJudge.Judge(url, sink.Description, Settings(sink.Node.SyntaxTree), results);
                    foreach (var result in results)
                    {
                        var fragment = result.After ?? url.FragmentAt(result.Offset, out _);
                        if (fragment.IsFromOtherFile(sink.Node.SyntaxTree))
                        {
                            if (fragment.ViaSymbol is IFieldSymbol or IPropertySymbol && CallbackSinks.IsCallbackMember(fragment.ViaSymbol, Names(sink.Node.SyntaxTree)))
                            {
                                continue; // a member whose own name says callback is reported at its declaration, in its file
                            }

                            // Written in another file: reported at the reference here (the IDE analyses one document at
                            // a time), naming the symbol; the declaration is the additional location the fix edits.
                            var arguments = (string[])result.Arguments.Clone();
                            arguments[1] = sink.Description + ", from " + Prose.Symbol(fragment.ViaSymbol!) + " in " + Prose.FileName(fragment.Node!.SyntaxTree);
                            Report(findings, result.Descriptor, fragment.Via, sink, result.Find, result.Replace, result.Title, fragment.Node, arguments);
                        }
                        else
                        {
                            Report(findings, result.Descriptor, fragment.Node, sink, result.Find, result.Replace, result.Title, null, result.Arguments);
                        }
                    }
                }
            }

            private CallbackSettings Settings(SyntaxTree tree) => new CallbackSettings(
                policy.Read(ResursOptions.TunnelDomains, RuleIds.TunnelUrl, tree),
                policy.Read(ResursOptions.InternalHostSuffixes, RuleIds.InternalCallbackHost, tree),
                policy.Read(ResursOptions.AllowedHosts, RuleIds.InternalCallbackHost, tree),
                id => policy.Read(ResursOptions.PublicBaseUrl, id, tree));

            private void EvaluateBuilder(ConcurrentQueue<Finding> findings, UriBuilderParts builder, CallbackSink sink)
            {
                var display = Prose.Quote(builder.Creation.Syntax);
                if (builder.Host is { ConstantValue: { HasValue: true, Value: string hostName } } hostOperation
                    && hostName.IndexOf('{') < 0 && hostName.Length > 0)
                {
                    var host = hostName.TrimEnd('.').ToLowerInvariant();
                    var settings = Settings(sink.Node.SyntaxTree);
                    var verdict = CallbackHost.Classify(host, host.IndexOf(':') >= 0, settings.TunnelDomains, settings.InternalSuffixes, settings.AllowedHosts, out var reason);
                    if (verdict is HostVerdict.NonPublicAddress or HostVerdict.InternalName)
                    {
                        var descriptor = verdict == HostVerdict.NonPublicAddress ? Descriptors.RES1002 : Descriptors.RES1003;
                        Report(findings, descriptor, hostOperation.Syntax, sink, null, null, string.Empty, null, display, sink.Description, hostName, reason);
                        return;
                    }

                    if (verdict is HostVerdict.Tunnel or HostVerdict.Placeholder)
                    {
                        return;
                    }
                }

                if (builder.Scheme is { } schemeOperation)
                {
                    if (schemeOperation is IFieldReferenceOperation { Field.Name: "UriSchemeHttp" } field
                        && WellKnownTypes.IsSystemType(field.Field.ContainingType, "Uri"))
                    {
                        Report(findings, Descriptors.RES1004, schemeOperation.Syntax, sink, "UriSchemeHttp", "UriSchemeHttps", "Use https", null, display, sink.Description);
                    }
                    else if (schemeOperation.ConstantValue is { HasValue: true, Value: string scheme }
                        && string.Equals(scheme, "http", System.StringComparison.OrdinalIgnoreCase))
                    {
                        // Only a literal can be rewritten in place; a named constant keeps its declaration's own finding.
                        var literal = schemeOperation is ILiteralOperation;
                        Report(findings, Descriptors.RES1004, schemeOperation.Syntax, sink, literal ? scheme : null, literal ? "https" : null, "Use https", null, display, sink.Description);
                    }
                }

                if (builder.Port is { ConstantValue: { HasValue: true, Value: int port } } portOperation && port != 443 && port >= 0)
                {
                    var portText = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Report(findings, Descriptors.RES1005, portOperation.Syntax, sink, portOperation.Syntax.ToString(), "-1", "Use the scheme's default port", null, display, sink.Description, portText);
                }
            }

            private void Report(
                ConcurrentQueue<Finding> findings,
                DiagnosticDescriptor descriptor,
                SyntaxNode? node,
                CallbackSink sink,
                string? find,
                string? replace,
                string title,
                SyntaxNode? declaration,
                params string[] arguments)
            {
                if (node is null || !policy.ShouldReport(descriptor.Id, sink.Node.SyntaxTree))
                {
                    return;
                }

                if (sink.ReturnAddress)
                {
                    descriptor = Descriptors.ForReturnAddress(descriptor);
                }

                var note = policy.DevelopmentNote(descriptor.Id, sink.Node);
                if (note is null)
                {
                    return;
                }

                var properties = ImmutableDictionary<string, string?>.Empty;
                var edited = declaration ?? node;
                if (find is not null && replace is not null && edited.ToString().IndexOf(find, System.StringComparison.Ordinal) >= 0)
                {
                    properties = properties.Add(FindProperty, find).Add(ReplaceProperty, replace).Add(TitleProperty, title);
                    if (declaration is not null)
                    {
                        properties = properties.Add(InDeclarationProperty, "true");
                    }
                }

                var messageArguments = new object[arguments.Length + 1];
                arguments.CopyTo(messageArguments, 0);
                messageArguments[arguments.Length] = note;
                var additional = declaration is null ? null : new[] { declaration.GetLocation() };
                findings.Enqueue(new Finding(Diagnostic.Create(descriptor, node.GetLocation(), additional, properties, messageArguments), sink.Node.SpanStart));
            }
        }
    }

    /// <summary>A diagnostic waiting for the end of its file's replay, with where its use starts (for a stable choice).</summary>
    internal readonly struct Finding
    {
        public Finding(Diagnostic diagnostic, int useStart)
        {
            Diagnostic = diagnostic;
            UseStart = useStart;
        }

        public Diagnostic Diagnostic { get; }

        public int UseStart { get; }
    }

    /// <summary>Where a callback URL is used: a description for the message and the node that decides development-only code.</summary>
    internal sealed class CallbackSink
    {
        public CallbackSink(string description, SyntaxNode node, bool returnAddress)
        {
            Description = description;
            Node = node;
            ReturnAddress = returnAddress;
        }

        public string Description { get; }

        /// <summary>A customer's return address (success, back, fail URL): the messages speak of the customer's browser.</summary>
        public bool ReturnAddress { get; }

        public SyntaxNode Node { get; }
    }

    /// <summary>The parts of a <c>UriBuilder</c> a callback value is built from (constructor arguments and initializer).</summary>
    internal sealed class UriBuilderParts
    {
        private UriBuilderParts(IObjectCreationOperation creation) => Creation = creation;

        public IObjectCreationOperation Creation { get; }

        public IOperation? Uri { get; private set; }

        public IOperation? Scheme { get; private set; }

        public IOperation? Host { get; private set; }

        public IOperation? Port { get; private set; }

        /// <summary>The UriBuilder behind <c>builder.Uri</c>, <c>.ToString()</c> or the builder itself, when it is created right there.</summary>
        public static UriBuilderParts? TryGet(IOperation value)
        {
            // The builder's text, however it is taken: .Uri, .ToString(), .Uri.ToString(), .Uri.AbsoluteUri.
            for (var step = 0; step < 3; step++)
            {
                var inner = Conversions.Unwrap(value) switch
                {
                    IPropertyReferenceOperation { Property.Name: "Uri" or "AbsoluteUri" or "OriginalString", Instance: { } instance } => instance,
                    IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { } instance } => instance,
                    _ => null,
                };
                if (inner is null)
                {
                    break;
                }

                value = inner;
            }

            value = Conversions.Unwrap(value);
            if (value is not IObjectCreationOperation creation || !WellKnownTypes.IsSystemType(creation.Type, "UriBuilder"))
            {
                return null;
            }

            var parts = new UriBuilderParts(creation);
            foreach (var argument in creation.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "uri" when argument.Value.Type?.SpecialType == SpecialType.System_String:
                        parts.Uri = argument.Value;
                        break;
                    case "schemeName" or "scheme":
                        parts.Scheme = Conversions.Unwrap(argument.Value);
                        break;
                    case "hostName" or "host":
                        parts.Host = Conversions.Unwrap(argument.Value);
                        break;
                    case "portNumber" or "port":
                        parts.Port = Conversions.Unwrap(argument.Value);
                        break;
                }
            }

            foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    if (property.Property.Name == "Scheme")
                    {
                        parts.Scheme = Conversions.Unwrap(assignment.Value);
                    }
                    else if (property.Property.Name == "Host")
                    {
                        parts.Host = Conversions.Unwrap(assignment.Value);
                    }
                    else if (property.Property.Name == "Port")
                    {
                        parts.Port = Conversions.Unwrap(assignment.Value);
                    }
                }
            }

            return parts;
        }
    }
}
