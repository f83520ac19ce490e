using System;
using System.Globalization;
using System.IO;

namespace Resurs.Analyzers.Benchmarks
{
    /// <summary>Command-line options. Unknown or malformed arguments are errors, so a typo never measures the wrong thing.</summary>
    internal sealed class BenchmarkOptions
    {
        public const string Usage = @"Usage: dotnet run -c Release --project tests/Resurs.Analyzers.Benchmarks -- [options]

  --lines N        lines of generated corpus (default 200000)
  --seed N         seed of the generated corpus (default 20261124)
  --root DIR       benchmark the .cs files under DIR instead of the generated corpus (bin/ and obj/ are skipped);
                   repeat it for several repositories: each is its own compilation, and the verdict is over all of them
  --iterations N   measured runs after the warm-up; medians are reported (default 5)
  --warm-ups N     unmeasured runs before them (default 1); more let the JIT finish optimizing the runtime's and
                   Roslyn's code first, as in a long-lived build server or IDE (docs/benchmark.md)
  --dump DIR       also write the generated corpus to DIR
  --enforce        exit with code 1 when the budget is not met
  --families       also measure each rule family's own analyzer (the shipped ResursAnalyzer runs them all in one pass)
  --no-wall        skip the two wall-clock passes per run (for profiling the analyzers alone)
  --probes         also measure no-op probe analyzers, one per way of subscribing (what each way costs at least)
  --findings FILE  precision run instead of the benchmark (docs/precision.md): run the shipped analyzers once on each
                   --root (its .cs files as one compilation, its appsettings*.json and *.config files as
                   AdditionalFiles) and write every finding to FILE (TSV, with a stable key per finding)
  --labels FILE    with --findings: compare the findings with the hand labels in FILE (key, real|false, reason),
                   print precision per rule, and exit with code 1 when a finding has no label or a label no finding
  --help           this text";

        public int Lines { get; private set; } = 200_000;

        public int Seed { get; private set; } = Corpus.CorpusGenerator.DefaultSeed;

        public System.Collections.Generic.List<string> Roots { get; } = new System.Collections.Generic.List<string>();

        public int Iterations { get; private set; } = 5;

        public int WarmUps { get; private set; } = 1;

        public string? Dump { get; private set; }

        public bool Enforce { get; private set; }

        public bool Probes { get; private set; }

        public bool Families { get; private set; }

        public bool NoWall { get; private set; }

        public bool Help { get; private set; }

        public string? Findings { get; private set; }

        public string? Labels { get; private set; }

        public static BenchmarkOptions Parse(string[] args)
        {
            var options = new BenchmarkOptions();
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--lines":
                        options.Lines = Number(args, ref i, minimum: 100);
                        break;
                    case "--seed":
                        options.Seed = Number(args, ref i, minimum: 0);
                        break;
                    case "--iterations":
                        options.Iterations = Number(args, ref i, minimum: 1);
                        break;
                    case "--warm-ups":
                        options.WarmUps = Number(args, ref i, minimum: 1);
                        break;
                    case "--root":
                        var root = Path.GetFullPath(Value(args, ref i));
                        if (!Directory.Exists(root))
                        {
                            throw new ArgumentException("--root: no such folder: " + root);
                        }

                        options.Roots.Add(root);
                        break;
                    case "--dump":
                        options.Dump = Path.GetFullPath(Value(args, ref i));
                        break;
                    case "--findings":
                        options.Findings = Path.GetFullPath(Value(args, ref i));
                        break;
                    case "--labels":
                        options.Labels = Path.GetFullPath(Value(args, ref i));
                        break;
                    case "--no-wall":
                        options.NoWall = true;
                        break;
                    case "--families":
                        options.Families = true;
                        break;
                    case "--probes":
                        options.Probes = true;
                        break;
                    case "--enforce":
                        options.Enforce = true;
                        break;
                    case "--help":
                    case "-h":
                        options.Help = true;
                        break;
                    default:
                        throw new ArgumentException("Unknown argument '" + args[i] + "'.");
                }
            }

            if (options.Labels is not null && options.Findings is null)
            {
                throw new ArgumentException("--labels needs --findings.");
            }

            if (options.Findings is not null && options.Roots.Count == 0)
            {
                throw new ArgumentException("--findings needs at least one --root.");
            }

            return options;
        }

        private static string Value(string[] args, ref int i)
        {
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException(args[i] + " needs a value.");
            }

            return args[++i];
        }

        private static int Number(string[] args, ref int i, int minimum)
        {
            var name = args[i];
            var text = Value(args, ref i);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
            {
                throw new ArgumentException(name + " needs a whole number of at least " + minimum.ToString(CultureInfo.InvariantCulture) + ", not '" + text + "'.");
            }

            return value;
        }
    }
}
