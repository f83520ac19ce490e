using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// Compilation-wide anchors for values that cross files. A rule's anchors (a risky URL, say) are searched in every
    /// file of the compilation once, on first use; the fields, properties and methods whose declarations hold one are
    /// remembered by name. A file that names one of them (<c>ResursConstants.CallbackBase</c>, <c>Urls.Callback()</c>)
    /// is replayed around the name, so a value written in a <c>Constants.cs</c> is judged where another file uses it,
    /// whatever else either file contains. The anchors found per file are kept, so no file is searched twice.
    /// </summary>
    internal sealed class DeclaredValues
    {
        private readonly CodePass pass;
        private readonly Action<FileText, List<int>> findAnchors;
        private readonly PerFile<int[]> anchors;
        private readonly HashSet<string> namesFound = new HashSet<string>(StringComparer.Ordinal);
        private readonly Lazy<string[]> names;
        private readonly Lazy<HashSet<string>> nameSet;

        /// <param name="pass">The pass whose files are searched; the names are searched for together with other rules' names.</param>
        /// <param name="findAnchors">The rule's own anchors in a file.</param>
        public DeclaredValues(CodePass pass, Action<FileText, List<int>> findAnchors)
        {
            this.pass = pass;
            this.findAnchors = findAnchors;
            anchors = new PerFile<int[]>(pass.Files);
            names = new Lazy<string[]>(Names, LazyThreadSafetyMode.ExecutionAndPublication);
            nameSet = new Lazy<HashSet<string>>(() => new HashSet<string>(names.Value, StringComparer.Ordinal), LazyThreadSafetyMode.ExecutionAndPublication);
            pass.Declare(this);
            pass.Names(() => names.Value);
        }

        /// <summary>
        /// The names of the fields, properties and methods declared with one of the rule's anchors anywhere in the
        /// compilation: <see cref="FindAnchors"/> finds every mention of them.
        /// </summary>
        public ICollection<string> FollowedNames() => nameSet.Value;

        /// <summary>
        /// The rule's own anchors in <paramref name="tree"/>, and every mention of a member declared with one as a whole
        /// identifier (a property named <c>Api</c> is not mentioned by <c>ApiController</c>).
        /// </summary>
        [MethodImpl(Jit.Optimize)]
        public void FindAnchors(FileText file, List<int> positions)
        {
            // Not inside the lazy value below: the threads that need the names share the search instead of waiting on a lock.
            pass.CollectDeclaredNames();
            var declaredNames = names.Value;
            positions.AddRange(AnchorsIn(file));
            if (declaredNames.Length > 0)
            {
                file.FindAllIdentifiers(declaredNames, positions);
            }
        }

        private int[] AnchorsIn(FileText file)
        {
            if (anchors.Get(file.Tree) is { } known)
            {
                return known;
            }

            var found = new List<int>();
            findAnchors(file, found);
            return anchors.GetOrAdd(file.Tree, found.Count == 0 ? Array.Empty<int>() : found.ToArray());
        }

        /// <summary>The names found by the compilation-wide search (<see cref="CodePass.CollectDeclaredNames"/>).</summary>
        private string[] Names()
        {
            pass.CollectDeclaredNames();
            lock (namesFound)
            {
                var result = new string[namesFound.Count];
                namesFound.CopyTo(result);
                return result;
            }
        }

        /// <summary>
        /// Part of the compilation-wide search: remembers the names of the members of <paramref name="tree"/> whose
        /// declarations hold one of the rule's anchors. <paramref name="file"/> is the file's text, opened here on
        /// first need and shared with the other rules' searches of the same file. Called for each file by one thread;
        /// several threads may search different files at once (<see cref="CodePass.CollectDeclaredNames"/>).
        /// </summary>
        internal void Collect(SyntaxTree tree, ref FileText? file)
        {
            if (anchors.Get(tree) is not { } positions)
            {
                file ??= pass.Open(tree, CancellationToken.None);
                positions = AnchorsIn(file);
            }

            if (positions.Length == 0)
            {
                return;
            }

            var root = tree.GetRoot();
            foreach (var position in positions)
            {
                if (SourceAnchors.TryFindCode(root, position, out var token) && DeclaredName(token) is { } name)
                {
                    lock (namesFound)
                    {
                        namesFound.Add(name);
                    }
                }
            }
        }

        /// <summary>The name of the field, property or method whose declaration holds <paramref name="token"/>.</summary>
        private static string? DeclaredName(SyntaxToken token)
        {
            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: BaseFieldDeclarationSyntax } declaration } field:
                        return MayHoldText(declaration.Type) ? field.Identifier.ValueText : null;
                    case PropertyDeclarationSyntax property:
                        return MayHoldText(property.Type) ? property.Identifier.ValueText : null;
                    case MethodDeclarationSyntax method:
                        return MayHoldText(method.ReturnType) ? method.Identifier.ValueText : null;
                    case BaseTypeDeclarationSyntax:
                    case AnonymousFunctionExpressionSyntax:
                    case LocalFunctionStatementSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether a member of this declared type can hand a URL to its users: a string, <c>Uri</c> or <c>UriBuilder</c>,
        /// alone or inside an array, a nullable or a generic (<c>Task&lt;string&gt;</c>, <c>string[]</c>,
        /// <c>List&lt;Uri&gt;</c>). A URL written inside a method that returns <c>void</c>, <c>bool</c> or an action
        /// result is judged where it is written, so that method's name is not worth searching for: a <c>Configure</c> or
        /// <c>Get</c> that builds a URL would make every file that calls any <c>Get</c> replay.
        /// </summary>
        private static bool MayHoldText(TypeSyntax type)
        {
            foreach (var node in type.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case PredefinedTypeSyntax predefined when predefined.Keyword.IsKind(SyntaxKind.StringKeyword) || predefined.Keyword.IsKind(SyntaxKind.ObjectKeyword):
                        return true;
                    case IdentifierNameSyntax { Identifier.ValueText: "String" or "Uri" or "UriBuilder" or "StringValues" or "dynamic" }:
                        return true;
                }
            }

            return false;
        }
    }
}
