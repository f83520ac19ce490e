using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// The first, purely textual filter of every code rule: a rule can only fire where the source text names one of its
    /// anchors ("SslProtocols", "Certificate", "://"). The words of all rules are found together (<see cref="FileText"/>,
    /// <see cref="NeedleIndex"/>), so a file without an anchor costs a rule almost nothing: no syntax walk, no binding,
    /// no operation callbacks. This class holds the plain searches and maps hits to the code around them.
    /// </summary>
    internal static class SourceAnchors
    {
        /// <summary>The tree's text as one string (no copy for the usual in-memory source text).</summary>
        public static string Text(SyntaxTree tree, CancellationToken cancellationToken) => tree.GetText(cancellationToken).ToString();

        /// <summary>Every position of every anchor in <paramref name="text"/>, added to <paramref name="positions"/> (unsorted).</summary>
        public static void FindAll(string text, IReadOnlyList<string> anchors, List<int> positions)
        {
            for (var i = 0; i < anchors.Count; i++)
            {
                AddHits(text, anchors[i], positions);
            }
        }

        /// <summary>
        /// Every position of <paramref name="word"/> in <paramref name="text"/>, ascending, each searched for after the
        /// previous hit (so hits never overlap), added to <paramref name="positions"/>.
        /// </summary>
        [MethodImpl(Jit.Optimize)]
        public static void AddHits(string text, string word, List<int> positions)
        {
            if (word.Length == 0)
            {
                return;
            }

            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                positions.Add(at);
            }
        }

        /// <summary>Like <see cref="FindAll"/>, ignoring ASCII case (for names such as environment variables).</summary>
        [MethodImpl(Jit.Optimize)]
        public static void FindAllIgnoreCase(string text, string anchor, List<int> positions)
        {
            for (var at = text.IndexOf(anchor, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(anchor, at + anchor.Length, StringComparison.OrdinalIgnoreCase))
            {
                positions.Add(at);
            }
        }

        /// <summary>
        /// The code to replay for anchors at <paramref name="positions"/> (ascending): the member body around each, or
        /// the whole tree when an anchor sits outside any member body (a using alias, an attribute) or in a field or
        /// property initializer, because then code anywhere in the file may use it (a const URL, a shared protocol
        /// value). With <paramref name="membersOnly"/>, a field or property with an initializer is a member of its own
        /// (the caller follows its uses itself), and only top-level code and anchors outside members give the whole tree.
        /// So is a field or property named in <paramref name="followedNames"/>: the caller's anchors already hold every
        /// mention of those names, so its uses are replayed without the rest of the file. An anchor in a comment or other
        /// trivia gives nothing (<see cref="TryFindCode"/>). Each scope is listed once.
        /// </summary>
        public static List<SyntaxNode> EnclosingScopes(SyntaxNode root, List<int> positions, bool membersOnly = false, ICollection<string>? followedNames = null)
        {
            var scopes = new List<SyntaxNode>();
            var end = -1;
            foreach (var position in positions)
            {
                if (position < end)
                {
                    continue;
                }

                if (!TryFindCode(root, position, out var token) || InNamespaceName(token))
                {
                    continue;
                }

                var scope = membersOnly ? EnclosingMember(token) : EnclosingScope(token, followedNames);
                if (scope is null)
                {
                    scopes.Clear();
                    scopes.Add(root);
                    return scopes;
                }

                scopes.Add(scope);
                end = scope.FullSpan.End;
            }

            return scopes;
        }

        /// <summary>
        /// The token whose text holds <paramref name="position"/>; false when the position lies in trivia instead (a
        /// comment, a documentation comment, a preprocessor directive or the text it disables). Text there is no code and
        /// declares nothing, so an anchor in it is no reason to replay or follow anything: a URL in a licence header or in
        /// a <c>&lt;see href&gt;</c> would otherwise replay a whole file.
        /// </summary>
        public static bool TryFindCode(SyntaxNode root, int position, out SyntaxToken token)
        {
            token = root.FindToken(position, findInsideTrivia: false);
            return token.Span.Contains(position);
        }

        /// <summary>
        /// True for a token in a namespace's name: a plain <c>using System.Security.Cryptography.X509Certificates;</c> or a
        /// <c>namespace Shop.Certificates</c> declaration. Naming a namespace puts no value or member in scope, so it is
        /// no reason to replay a file. A <c>using static</c> or an alias does (<c>using Flags = X509VerificationFlags;</c>).
        /// </summary>
        private static bool InNamespaceName(SyntaxToken token)
        {
            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case UsingDirectiveSyntax directive:
                        return directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Alias is null;
                    case BaseNamespaceDeclarationSyntax ns:
                        return ns.Name.Span.Contains(token.SpanStart);
                    case NameSyntax:
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// Every member declaration in <paramref name="root"/> that declares or mentions one of <paramref name="names"/>
        /// (by identifier, ordinal), in document order, or the whole tree when top-level code does: the members a field's
        /// or property's value can reach. The names are found in the text and each hit is checked against its token, so
        /// only the members around the hits are looked at; a file that may spell an identifier otherwise than its name (a
        /// Unicode escape, a formatting character) has its tokens read one by one instead.
        /// </summary>
        public static List<SyntaxNode> MembersMentioning(SyntaxNode root, ICollection<string> names, CancellationToken cancellationToken = default)
        {
            if (names.Count == 0)
            {
                return new List<SyntaxNode>();
            }

            var text = Text(root.SyntaxTree, cancellationToken);
            return OnceEach(root, MaySpellIdentifiersOtherwise(text) ? MentioningByTokens(root, names) : MentioningByText(root, text, names));
        }

        /// <summary>The members in <paramref name="members"/> (document order) once each, or the whole tree when one is top-level code.</summary>
        private static List<SyntaxNode> OnceEach(SyntaxNode root, IEnumerable<SyntaxNode> members)
        {
            var result = new List<SyntaxNode>();
            foreach (var member in members)
            {
                if (member is GlobalStatementSyntax)
                {
                    return new List<SyntaxNode> { root };
                }

                if (result.Count == 0 || result[result.Count - 1] != member)
                {
                    result.Add(member);
                }
            }

            return result;
        }

        /// <summary>The member around each hit of a name in the text whose token is that name (a member once per hit).</summary>
        private static IEnumerable<SyntaxNode> MentioningByText(SyntaxNode root, string text, ICollection<string> names)
        {
            var positions = new List<int>();
            foreach (var name in names)
            {
                AddHits(text, name, positions);
            }

            positions.Sort();
            foreach (var position in positions)
            {
                if (TryFindCode(root, position, out var token) && token.IsKind(SyntaxKind.IdentifierToken) && names.Contains(token.ValueText)
                    && MemberAround(token) is { } member)
                {
                    yield return member;
                }
            }
        }

        /// <summary>
        /// The member declaration of a compilation unit, namespace or type that holds <paramref name="token"/>, or null
        /// when that is a namespace, type or delegate declaration itself (its name, base list or an enum member).
        /// </summary>
        private static SyntaxNode? MemberAround(SyntaxToken token)
        {
            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                if (node is MemberDeclarationSyntax member && node.Parent is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                {
                    return member is BaseNamespaceDeclarationSyntax or BaseTypeDeclarationSyntax or DelegateDeclarationSyntax ? null : member;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether an identifier in <paramref name="text"/> may be written with a Unicode escape or hold a formatting
        /// character, which its name does not. Most source has neither a backslash nor a non-ASCII character in most
        /// stretches, so the text is screened <see cref="Vector{T}.Count"/> characters at a time and only a stretch that
        /// holds one is looked at character by character.
        /// </summary>
        [MethodImpl(Jit.Optimize)]
        internal static bool MaySpellIdentifiersOtherwise(string text)
        {
            var at = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var width = Vector<ushort>.Count;
                var backslash = new Vector<ushort>('\\');
                var lastAscii = new Vector<ushort>(0x7F);
                ref var origin = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text.AsSpan()));
                for (; at <= text.Length - width; at += width)
                {
                    var chars = VectorText.Read(ref origin, at);
                    if ((Vector.Equals(chars, backslash) | Vector.GreaterThan(chars, lastAscii)) != Vector<ushort>.Zero
                        && MaySpellIdentifiersOtherwise(text, at, at + width))
                    {
                        return true;
                    }
                }
            }

            return MaySpellIdentifiersOtherwise(text, at, text.Length);
        }

        /// <summary>As <see cref="MaySpellIdentifiersOtherwise(string)"/>, for the characters from <paramref name="start"/> to <paramref name="end"/> (an escape may run past it).</summary>
        private static bool MaySpellIdentifiersOtherwise(string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (c == '\\' ? i + 1 < text.Length && (text[i + 1] == 'u' || text[i + 1] == 'U') : c >= 0x80 && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>As <see cref="MentioningByText"/>, reading every token of every member.</summary>
        private static IEnumerable<SyntaxNode> MentioningByTokens(SyntaxNode root, ICollection<string> names)
        {
            var declarations = root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax);
            foreach (var node in declarations)
            {
                if (node is MemberDeclarationSyntax member && member is not (BaseNamespaceDeclarationSyntax or BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                    && Mentions(member, names))
                {
                    yield return member;
                }
            }
        }

        private static bool Mentions(SyntaxNode node, ICollection<string> names)
        {
            foreach (var token in node.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && names.Contains(token.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The member declaration around <paramref name="token"/>, or null in top-level code and outside members.</summary>
        private static SyntaxNode? EnclosingMember(SyntaxToken token)
        {
            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case BaseMethodDeclarationSyntax:
                    case BasePropertyDeclarationSyntax:
                    case BaseFieldDeclarationSyntax:
                    case EnumMemberDeclarationSyntax:
                    case DelegateDeclarationSyntax:
                        return node;
                    case GlobalStatementSyntax:
                    case BaseTypeDeclarationSyntax:
                    case BaseNamespaceDeclarationSyntax:
                    case CompilationUnitSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// The member-level node whose operations hold <paramref name="token"/>, or null when the whole file must be
        /// replayed (outside any member body, in top-level statements, or in the initializer of a field or property that
        /// is not one of <paramref name="followedNames"/>).
        /// </summary>
        private static SyntaxNode? EnclosingScope(SyntaxToken token, ICollection<string>? followedNames)
        {
            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax field } declarator }:
                        return followedNames?.Contains(declarator.Identifier.ValueText) == true ? field : null;
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                        return followedNames?.Contains(property.Identifier.ValueText) == true ? property : null;
                    case GlobalStatementSyntax:
                        return null;
                    case BaseMethodDeclarationSyntax:
                    case AccessorDeclarationSyntax:
                    case BasePropertyDeclarationSyntax:
                    case BaseFieldDeclarationSyntax:
                    case EnumMemberDeclarationSyntax:

                    // A delegate type holds no code; its name and parameters put nothing in scope that its users do not
                    // spell again (a lambda converted to it is judged where it is written).
                    case DelegateDeclarationSyntax:
                        return node;
                    case BaseTypeDeclarationSyntax:
                    case BaseNamespaceDeclarationSyntax:
                    case CompilationUnitSyntax:
                        return null;
                }
            }

            return null;
        }
    }
}
