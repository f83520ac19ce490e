using System.Collections.Generic;
using System.Globalization;

namespace Resurs.Analyzers.Benchmarks.Corpus
{
    /// <summary>
    /// Generates a web shop's source code, deterministically from a seed: per module a DTO file (many URL and string
    /// properties), a service, an ASP.NET Core controller, an HttpClient setup, an options class and a LINQ-heavy query
    /// file; every fourth module also has a long file of string literals (texts in two languages, SQL), so about a sixth
    /// of all lines are string tables. Every other module also gets one of the <see cref="RiskyPatterns"/>.
    /// </summary>
    internal sealed class CorpusGenerator
    {
        public const int DefaultSeed = 20261124;

        private readonly Vocabulary v;

        public CorpusGenerator(int seed) => v = new Vocabulary(seed);

        public IReadOnlyList<SourceFile> Generate(int targetLines)
        {
            var files = new List<SourceFile> { Shared() };
            var lines = files[0].Lines;
            for (var module = 0; lines < targetLines; module++)
            {
                foreach (var file in Module(module))
                {
                    files.Add(file);
                    lines += file.Lines;
                }
            }

            return files;
        }

        private static SourceFile Shared() => new SourceFile("Shared/Payments.cs", """
            using System;
            using System.Collections.Generic;

            namespace Contoso.Shop.Shared;

            /// <summary>A payment as the shop hands it to Resurs, with the URLs Resurs calls back on.</summary>
            public sealed class PaymentRequest
            {
                public string StoreId { get; set; } = string.Empty;
                public string OrderReference { get; set; } = string.Empty;
                public decimal Amount { get; set; }
                public string? CallbackUrl { get; set; }
                public string? SuccessUrl { get; set; }
                public string? FailUrl { get; set; }
                public string? BackUrl { get; set; }
                public Uri? NotificationUri { get; set; }
                public Dictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
            }

            public interface ICallbackRegistry
            {
                void RegisterCallback(string eventType, string uriTemplate);
            }

            """);

        private IEnumerable<SourceFile> Module(int index)
        {
            var area = Vocabulary.Areas[index % Vocabulary.Areas.Length];
            var ns = "Contoso.Shop." + area + index.ToString("000", CultureInfo.InvariantCulture);
            var folder = area + index.ToString("000", CultureInfo.InvariantCulture) + "/";
            var entity = v.Pick(Vocabulary.Entities);
            var part = v.Pick(Vocabulary.Parts);
            var risky = index % 2 == 0 ? RiskyPatterns.All[(index / 2) % RiskyPatterns.All.Length] : null;
            yield return new SourceFile(folder + entity + "Dtos.cs", Dtos(ns, entity, part));
            yield return new SourceFile(folder + entity + "Service.cs", Service(ns, entity));
            yield return new SourceFile(folder + entity + "sController.cs", Controller(ns, area, entity));
            yield return new SourceFile(folder + entity + "ApiClient.cs", ApiClient(ns, entity, risky));
            yield return new SourceFile(folder + area + "Options.cs", Options(ns, area));
            if (index % 4 == 1)
            {
                yield return new SourceFile(folder + area + "Texts.cs", Texts(ns, area, entity));
            }

            yield return new SourceFile(folder + entity + "Queries.cs", Queries(ns, entity));
        }

        private static CodeWriter File(string ns, params string[] usings)
        {
            var w = new CodeWriter();
            foreach (var u in usings)
            {
                w.Line("using " + u + ";");
            }

            return w.Line().Line("namespace " + ns + ";").Line();
        }

        private string Dtos(string ns, string entity, string part)
        {
            var w = File(ns, "System", "System.Collections.Generic", "System.Text.Json.Serialization");
            w.Open("public sealed class " + part + "Dto");
            var used = new HashSet<string> { "Id", "Name" };
            w.Line("public int Id { get; set; }").Line();
            w.Line("public string Name { get; set; } = string.Empty;").Line();
            for (int i = 0, count = v.Next(6, 13); i < count; i++)
            {
                Property(w, used);
            }

            w.Close().Line();
            w.Open("public sealed class " + entity + "Dto");
            used = new HashSet<string> { "Id", "Name", "Amount", "Status", "Created", "Tags", "Lines" };
            w.Block($$"""
                [JsonPropertyName("id")]
                public int Id { get; set; }

                [JsonPropertyName("name")]
                public string Name { get; set; } = string.Empty;

                public decimal Amount { get; set; }

                public string Status { get; set; } = "Pending";

                public DateTimeOffset Created { get; set; }

                public List<string> Tags { get; set; } = new List<string>();

                public List<{{part}}Dto> Lines { get; set; } = new List<{{part}}Dto>();

                """);
            for (int i = 0, count = v.Next(15, 31); i < count; i++)
            {
                Property(w, used);
            }

            w.Close().Line();
            w.Line("public sealed record " + entity + "Summary(int Id, string Name, decimal Amount, string Status);");
            return w.ToString();
        }

        private void Property(CodeWriter w, HashSet<string> used)
        {
            var kind = v.Next(0, 12);
            var name = v.UniqueWord(used, kind switch
            {
                <= 2 => "Url",
                3 => "Uri",
                4 => "Title",
                5 => "Description",
                6 => "Count",
                7 => "Price",
                8 => "At",
                9 => "Enabled",
                10 => "Tags",
                _ => "Code",
            });
            if (v.Chance(40))
            {
                w.Line("[JsonPropertyName(\"" + char.ToLowerInvariant(name[0]) + name.Substring(1) + "\")]");
            }

            w.Line(kind switch
            {
                0 or 1 => "public string " + name + " { get; set; } = \"" + v.Url() + "\";",
                2 => "public string? " + name + " { get; set; }",
                3 => "public Uri? " + name + " { get; set; }",
                4 => "public string " + name + " { get; set; } = string.Empty;",
                5 => "public string? " + name + " { get; set; }",
                6 => "public int " + name + " { get; set; }",
                7 => "public decimal " + name + " { get; set; }",
                8 => "public DateTimeOffset? " + name + " { get; set; }",
                9 => "public bool " + name + " { get; set; }",
                10 => "public List<string> " + name + " { get; set; } = new List<string>();",
                _ => "public string " + name + " { get; set; } = \"" + name.Substring(0, 3).ToUpperInvariant() + "-" + v.Number(1000) + "\";",
            });
            w.Line();
        }

        private string Service(string ns, string entity)
        {
            var w = File(ns, "System", "System.Collections.Generic", "System.Globalization", "System.Linq", "System.Threading", "System.Threading.Tasks", "Microsoft.Extensions.Logging");
            w.Open("public sealed class " + entity + "Service");
            w.Block($$"""
                private readonly List<{{entity}}Dto> items = new List<{{entity}}Dto>();
                private readonly ILogger<{{entity}}Service> logger;

                public {{entity}}Service(ILogger<{{entity}}Service> logger)
                {
                    this.logger = logger;
                    for (var i = 1; i <= 20; i++)
                    {
                        items.Add(new {{entity}}Dto
                        {
                            Id = i,
                            Name = "{{entity}} " + i.ToString(CultureInfo.InvariantCulture),
                            Amount = i * 10.5m,
                            Status = i % 3 == 0 ? "Shipped" : "Pending",
                            Created = DateTimeOffset.UnixEpoch.AddDays(i),
                        });
                    }
                }

                public IReadOnlyList<{{entity}}Dto> All() => items;

                public Task<{{entity}}Dto?> FindAsync(int id, CancellationToken cancellationToken)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return Task.FromResult(items.FirstOrDefault(item => item.Id == id));
                }

                public {{entity}}Dto Add({{entity}}Dto item)
                {
                    item.Id = items.Count == 0 ? 1 : items.Max(x => x.Id) + 1;
                    items.Add(item);
                    logger.LogInformation("Added {Entity} {Id} ({Name})", "{{entity}}", item.Id, item.Name);
                    return item;
                }

                public bool Remove(int id) => items.RemoveAll(item => item.Id == id) > 0;

                public string Describe({{entity}}Dto item) => item.Amount switch
                {
                    < 100m => "small",
                    < 1000m => "medium",
                    _ => "large",
                };
                """);
            var used = new HashSet<string>();
            for (int i = 0, count = v.Next(3, 7); i < count; i++)
            {
                var word = v.UniqueWord(used, string.Empty);
                var status = v.Pick(Vocabulary.Statuses);
                w.Line().Block(v.Next(0, 4) switch
                {
                    0 => $$"""public decimal Total{{word}}() => items.Where(x => x.Status == "{{status}}").Sum(x => x.Amount);""",
                    1 => $$"""
                        public string Format{{word}}({{entity}}Dto item) =>
                            string.Format(CultureInfo.InvariantCulture, "{0} #{1}: {2:N2} SEK ({3})", item.Name, item.Id, item.Amount, item.Status);
                        """,
                    2 => $$"""
                        public IEnumerable<string> Validate{{word}}({{entity}}Dto item)
                        {
                            if (string.IsNullOrWhiteSpace(item.Name))
                            {
                                yield return "Name is required.";
                            }

                            if (item.Amount < 0)
                            {
                                yield return $"Amount {item.Amount} is negative.";
                            }

                            if (item.Tags.Count > {{v.Number(20)}})
                            {
                                yield return "Too many tags on " + item.Name + ".";
                            }
                        }
                        """,
                    _ => $$"""
                        public Dictionary<string, int> CountBy{{word}}()
                        {
                            var result = new Dictionary<string, int>(StringComparer.Ordinal);
                            foreach (var item in items)
                            {
                                result.TryGetValue(item.Status, out var count);
                                result[item.Status] = count + 1;
                            }

                            logger.LogDebug("Counted {Count} statuses for {{word}}", result.Count);
                            return result;
                        }
                        """,
                });
            }

            w.Close();
            return w.ToString();
        }

        private string Controller(string ns, string area, string entity)
        {
            var w = File(ns, "System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading", "System.Threading.Tasks", "Microsoft.AspNetCore.Mvc", "Microsoft.Extensions.Logging");
            var route = "api/" + area.ToLowerInvariant() + "/" + entity.ToLowerInvariant() + "s";
            w.Line("[ApiController]").Line("[Route(\"" + route + "\")]");
            w.Open("public sealed class " + entity + "sController : ControllerBase");
            w.Block($$"""
                private readonly {{entity}}Service service;
                private readonly ILogger<{{entity}}sController> logger;

                public {{entity}}sController({{entity}}Service service, ILogger<{{entity}}sController> logger)
                {
                    this.service = service;
                    this.logger = logger;
                }

                [HttpGet("{id:int}")]
                public async Task<ActionResult<{{entity}}Dto>> Get(int id, CancellationToken cancellationToken)
                {
                    logger.LogInformation("Fetching {{entity}} {Id}", id);
                    var item = await service.FindAsync(id, cancellationToken);
                    if (item is null)
                    {
                        return NotFound();
                    }

                    return Ok(item);
                }

                [HttpGet]
                public ActionResult<IReadOnlyList<{{entity}}Summary>> List([FromQuery] string? status, [FromQuery] int page = 1, [FromQuery] int pageSize = 20)
                {
                    if (page < 1 || pageSize is < 1 or > 100)
                    {
                        return BadRequest("page and pageSize must be positive; pageSize is at most 100.");
                    }

                    var query = service.All().AsEnumerable();
                    if (!string.IsNullOrEmpty(status))
                    {
                        query = query.Where(item => string.Equals(item.Status, status, StringComparison.OrdinalIgnoreCase));
                    }

                    return Ok(query
                        .OrderBy(item => item.Name)
                        .Skip((page - 1) * pageSize)
                        .Take(pageSize)
                        .Select(item => new {{entity}}Summary(item.Id, item.Name, item.Amount, item.Status))
                        .ToList());
                }

                [HttpPost]
                public IActionResult Create([FromBody] {{entity}}Dto dto)
                {
                    if (string.IsNullOrWhiteSpace(dto.Name))
                    {
                        ModelState.AddModelError(nameof(dto.Name), "Name is required.");
                        return ValidationProblem(ModelState);
                    }

                    var created = service.Add(dto);
                    logger.LogInformation("Created {{entity}} {Id}", created.Id);
                    return CreatedAtAction(nameof(Get), new { id = created.Id }, created);
                }

                [HttpDelete("{id:int}")]
                public IActionResult Delete(int id) => service.Remove(id) ? NoContent() : NotFound();
                """);
            var used = new HashSet<string>();
            for (int i = 0, count = v.Next(2, 7); i < count; i++)
            {
                var word = v.UniqueWord(used, string.Empty);
                var path = word.ToLowerInvariant();
                w.Line().Block(v.Next(0, 4) switch
                {
                    0 => $$"""
                        [HttpGet("search/{{path}}")]
                        public ActionResult<IEnumerable<string>> Search{{word}}([FromQuery] string q) =>
                            Ok(service.All().Where(i => i.Name.Contains(q, StringComparison.OrdinalIgnoreCase)).Select(i => i.Name).Distinct().Take({{v.Next(5, 50)}}));
                        """,
                    1 => $$"""
                        [HttpGet("stats/{{path}}")]
                        public IActionResult Stats{{word}}()
                        {
                            var all = service.All();
                            return Ok(new
                            {
                                count = all.Count,
                                total = all.Sum(i => i.Amount),
                                average = all.Count == 0 ? 0 : all.Average(i => i.Amount),
                                newest = all.OrderByDescending(i => i.Created).Select(i => i.Name).FirstOrDefault(),
                            });
                        }
                        """,
                    2 => $$"""
                        [HttpGet("export/{{path}}")]
                        public ContentResult Export{{word}}()
                        {
                            var builder = new StringBuilder();
                            builder.AppendLine("id;name;amount;status");
                            foreach (var item in service.All())
                            {
                                builder.Append(item.Id).Append(';').Append(item.Name).Append(';').Append(item.Amount).Append(';').AppendLine(item.Status);
                            }

                            return Content(builder.ToString(), "text/csv");
                        }
                        """,
                    _ => $$"""
                        [HttpPut("{id:int}/{{path}}")]
                        public async Task<IActionResult> Set{{word}}(int id, [FromBody] string status, CancellationToken cancellationToken)
                        {
                            var item = await service.FindAsync(id, cancellationToken);
                            if (item is null)
                            {
                                return NotFound();
                            }

                            item.Status = status;
                            logger.LogInformation("Status of {Id} set to {Status} by {{word}}", id, status);
                            return NoContent();
                        }
                        """,
                });
            }

            w.Close();
            return w.ToString();
        }

        private string ApiClient(string ns, string entity, string? risky)
        {
            var w = File(
                ns,
                "System",
                "System.Net",
                "System.Net.Http",
                "System.Net.Http.Headers",
                "System.Net.Http.Json",
                "System.Net.Security",
                "System.Security.Authentication",
                "System.Threading",
                "System.Threading.Tasks",
                "Contoso.Shop.Shared",
                "Microsoft.Extensions.DependencyInjection",
                "Microsoft.Extensions.Hosting",
                "Microsoft.Extensions.Logging");
            var lower = entity.ToLowerInvariant();
            w.Block($$"""
                public sealed class {{entity}}ApiClient
                {
                    private readonly HttpClient http;
                    private readonly ILogger<{{entity}}ApiClient> logger;

                    public {{entity}}ApiClient(HttpClient http, ILogger<{{entity}}ApiClient> logger)
                    {
                        this.http = http;
                        this.logger = logger;
                    }

                    public static SocketsHttpHandler CreateHandler() => new SocketsHttpHandler
                    {
                        PooledConnectionLifetime = TimeSpan.FromMinutes({{v.Next(2, 15)}}),
                        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                        SslOptions = { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 },
                    };

                    public async Task<{{entity}}Dto?> GetAsync(int id, CancellationToken cancellationToken)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/{{lower}}s/" + id);
                        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                        request.Headers.Add("X-Request-Id", Guid.NewGuid().ToString("N"));
                        using var response = await http.SendAsync(request, cancellationToken);
                        if (response.StatusCode == HttpStatusCode.NotFound)
                        {
                            logger.LogWarning("{Entity} {Id} not found at {Uri}", "{{entity}}", id, request.RequestUri);
                            return null;
                        }

                        response.EnsureSuccessStatusCode();
                        return await response.Content.ReadFromJsonAsync<{{entity}}Dto>(cancellationToken: cancellationToken);
                    }

                    public async Task<bool> PublishAsync({{entity}}Dto item, string callbackBase, CancellationToken cancellationToken)
                    {
                        var payment = new PaymentRequest
                        {
                            StoreId = "contoso-se",
                            OrderReference = "{{lower}}-" + item.Id,
                            Amount = item.Amount,
                            CallbackUrl = callbackBase + "/resurs/callbacks/{{lower}}s/" + item.Id,
                            SuccessUrl = $"{callbackBase}/checkout/success?ref={item.Id}",
                            FailUrl = "https://www.contoso-shop.se/checkout/failed",
                        };
                        using var response = await http.PostAsJsonAsync("v1/payments", payment, cancellationToken);
                        return response.IsSuccessStatusCode;
                    }

                    public async Task<{{entity}}Dto[]> ListAsync(string? search, int page, CancellationToken cancellationToken)
                    {
                        var query = $"v1/{{lower}}s?page={page}&size={{v.Next(10, 100)}}";
                        if (!string.IsNullOrEmpty(search))
                        {
                            query += "&q=" + Uri.EscapeDataString(search);
                        }

                        return await http.GetFromJsonAsync<{{entity}}Dto[]>(query, cancellationToken) ?? Array.Empty<{{entity}}Dto>();
                    }
                }

                public static class {{entity}}ClientRegistration
                {
                    public static IServiceCollection Add{{entity}}Client(this IServiceCollection services, string baseAddress)
                    {
                        services.AddHttpClient<{{entity}}ApiClient>(client =>
                        {
                            client.BaseAddress = new Uri(baseAddress);
                            client.Timeout = TimeSpan.FromSeconds({{v.Next(5, 120)}});
                            client.DefaultRequestHeaders.UserAgent.ParseAdd("ContosoShop/2.{{v.Number(10)}}");
                        }).ConfigurePrimaryHttpMessageHandler({{entity}}ApiClient.CreateHandler);
                        return services;
                    }
                }
                """);
            if (risky is not null)
            {
                w.Line();
                w.Open("internal static class " + entity + "LegacySetup");
                w.Open("public static void Apply(HttpClientHandler handler, PaymentRequest request, ICallbackRegistry registry, IHostEnvironment environment, SslStream stream, string orderId)");
                w.Block(risky);
                w.Close();
                w.Close();
            }

            return w.ToString();
        }

        private string Options(string ns, string area)
        {
            var w = File(ns, "System", "System.Collections.Generic");
            var lower = area.ToLowerInvariant();
            w.Open("public sealed class " + area + "Options");
            w.Block($$"""
                public const string SectionName = "{{area}}";

                public string BaseAddress { get; set; } = "https://api.contoso-shop.se/{{lower}}/";

                public string CallbackUrl { get; set; } = "https://www.contoso-shop.se/resurs/callbacks/{{lower}}";

                public string ReturnUrl { get; set; } = "https://www.contoso-shop.se/{{lower}}/return";

                public int TimeoutSeconds { get; set; } = {{v.Next(5, 120)}};

                public string[] AllowedOrigins { get; set; } = { "https://www.contoso-shop.se", "https://admin.contoso-shop.se" };

                """);
            var urls = new List<string>();
            var used = new HashSet<string> { "BaseAddress", "CallbackUrl", "ReturnUrl", "TimeoutSeconds", "AllowedOrigins" };
            for (int i = 0, count = v.Next(10, 26); i < count; i++)
            {
                var kind = v.Next(0, 5);
                var name = v.UniqueWord(used, kind switch { 0 or 1 => "Url", 2 => "Name", 3 => "Retries", _ => "Interval" });
                w.Line(kind switch
                {
                    0 or 1 => "public string " + name + " { get; set; } = \"" + v.Url() + "\";",
                    2 => "public string " + name + " { get; set; } = \"" + v.Pick(Vocabulary.Words) + " " + v.Pick(Vocabulary.Entities) + "\";",
                    3 => "public int " + name + " { get; set; } = " + v.Number(10) + ";",
                    _ => "public TimeSpan " + name + " { get; set; } = TimeSpan.FromSeconds(" + v.Next(1, 600).ToString(CultureInfo.InvariantCulture) + ");",
                });
                w.Line();
                if (kind <= 1)
                {
                    urls.Add(name);
                }
            }

            w.Open("public IEnumerable<string> Validate()");
            w.Block("""
                if (!Uri.TryCreate(BaseAddress, UriKind.Absolute, out var baseUri) || baseUri.Scheme != Uri.UriSchemeHttps)
                {
                    yield return "BaseAddress must be an absolute https URL.";
                }

                if (TimeoutSeconds is < 1 or > 300)
                {
                    yield return "TimeoutSeconds must be between 1 and 300.";
                }
                """);
            foreach (var url in urls)
            {
                w.Line().Open("if (string.IsNullOrWhiteSpace(" + url + ") || !" + url + ".StartsWith(\"https://\", StringComparison.Ordinal))");
                w.Line("yield return \"" + url + " must be an https URL.\";");
                w.Close();
            }

            w.Close().Close();
            return w.ToString();
        }

        private string Texts(string ns, string area, string entity)
        {
            var w = File(ns, "System.Collections.Generic");
            var lower = area.ToLowerInvariant();
            w.Open("public static class " + area + "Texts");
            var keys = new List<string>();
            var used = new HashSet<string>();
            for (int i = 0, count = v.Next(20, 41); i < count; i++)
            {
                var name = v.UniqueWord(used, "Message");
                w.Line("public const string " + name + " = \"" + v.Sentence(Vocabulary.English, v.Next(4, 14)) + "\";").Line();
            }

            for (int i = 0, count = v.Next(150, 400); i < count; i++)
            {
                keys.Add(lower + "." + v.Pick(Vocabulary.Words).ToLowerInvariant() + "." + i.ToString(CultureInfo.InvariantCulture));
            }

            foreach (var (language, words) in new[] { ("Swedish", Vocabulary.Swedish), ("English", Vocabulary.English) })
            {
                w.Line("public static readonly IReadOnlyDictionary<string, string> " + language + " = new Dictionary<string, string>");
                w.Line("{");
                foreach (var key in keys)
                {
                    var text = v.Sentence(words, v.Next(3, 16));
                    if (v.Chance(10))
                    {
                        text += " " + (language == "Swedish" ? "Läs mer på " : "Read more at ") + v.Url() + ".";
                    }
                    else if (v.Chance(5))
                    {
                        text += " " + (language == "Swedish" ? "Mejla " : "Email ") + "support@contoso-shop.se.";
                    }

                    w.Line("    [\"" + key + "\"] = \"" + text + "\",");
                }

                w.Line("};").Line();
            }

            w.Block($$"""
                public const string Find{{entity}}Sql = @"
                    SELECT e.Id, e.Name, e.Amount, e.Status, e.Created
                    FROM {{entity}}s e
                    INNER JOIN Stores s ON s.Id = e.StoreId
                    WHERE e.Status = @status AND e.Created >= @from
                    ORDER BY e.Created DESC
                    OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY";
                """);
            w.Close();
            return w.ToString();
        }

        private string Queries(string ns, string entity)
        {
            var w = File(ns, "System", "System.Collections.Generic", "System.Globalization", "System.Linq", "System.Text");
            var e = entity + "Dto";
            w.Open("public static class " + entity + "Queries");
            var used = new HashSet<string>();
            for (int i = 0, count = v.Next(10, 19); i < count; i++)
            {
                var word = v.UniqueWord(used, string.Empty);
                var status = v.Pick(Vocabulary.Statuses);
                var n = v.Number(50);
                if (i > 0)
                {
                    w.Line();
                }

                w.Block(v.Next(0, 12) switch
                {
                    0 => $$"""
                        public static IEnumerable<{{entity}}Summary> Top{{word}}(IEnumerable<{{e}}> items, int count) =>
                            items.Where(x => x.Amount > {{n}}m)
                                .OrderByDescending(x => x.Amount)
                                .ThenBy(x => x.Name, StringComparer.Ordinal)
                                .Take(count)
                                .Select(x => new {{entity}}Summary(x.Id, x.Name, x.Amount, x.Status));
                        """,
                    1 => $$"""
                        public static Dictionary<string, decimal> TotalsBy{{word}}(IEnumerable<{{e}}> items) =>
                            items.GroupBy(x => x.Status).ToDictionary(g => g.Key, g => g.Sum(x => x.Amount));
                        """,
                    2 => $$"""
                        public static IEnumerable<string> Names{{word}}(IEnumerable<{{e}}> items) =>
                            from x in items
                            where x.Tags.Contains("{{word.ToLowerInvariant()}}")
                            orderby x.Created descending
                            select x.Name.ToUpperInvariant();
                        """,
                    3 => $$"""
                        public static IEnumerable<(string Name, int Lines)> LineCounts{{word}}(IEnumerable<{{e}}> items, IEnumerable<int> ids) =>
                            from x in items
                            join id in ids on x.Id equals id
                            let lines = x.Lines.Count
                            where lines > {{n}}
                            select (x.Name, lines);
                        """,
                    4 => $$"""
                        public static string Describe{{word}}(IEnumerable<{{e}}> items) =>
                            items.Select(x => x.Name)
                                .Where(name => name.Length > {{n}})
                                .Aggregate(new StringBuilder(), (builder, name) => builder.Append(name).Append(", "), builder => builder.ToString().TrimEnd(',', ' '));
                        """,
                    5 => $$"""
                        public static IEnumerable<string> AllTags{{word}}(IEnumerable<{{e}}> items) =>
                            items.SelectMany(x => x.Tags).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(tag => tag, StringComparer.Ordinal);
                        """,
                    6 => $$"""
                        public static IReadOnlyList<decimal> Running{{word}}(IEnumerable<{{e}}> items)
                        {
                            var total = 0m;
                            return items.OrderBy(x => x.Created).Select(x => total += x.Amount).ToList();
                        }
                        """,
                    7 => $$"""
                        public static ILookup<int, {{e}}> ByMonth{{word}}(IEnumerable<{{e}}> items) =>
                            items.Where(x => x.Status != "{{status}}").ToLookup(x => x.Created.Month);
                        """,
                    8 => $$"""
                        public static bool AllValid{{word}}(IReadOnlyCollection<{{e}}> items) =>
                            items.All(x => !string.IsNullOrEmpty(x.Name) && x.Amount >= 0) && !items.Any(x => x.Status == "{{status}}");
                        """,
                    9 => $$"""
                        public static IEnumerable<decimal> PairSums{{word}}(IReadOnlyList<{{e}}> items) =>
                            items.Zip(items.Skip(1), (a, b) => a.Amount + b.Amount).Where(sum => sum > {{n}}m);
                        """,
                    10 => $$"""
                        public static IEnumerable<string> Pages{{word}}(IEnumerable<{{e}}> items, int size) =>
                            items.Chunk(size).Select((page, index) => string.Format(CultureInfo.InvariantCulture, "{0}: {1}", index, string.Join(", ", page.Select(x => x.Name))));
                        """,
                    _ => $$"""
                        public static {{e}}? Cheapest{{word}}(IEnumerable<{{e}}> items) =>
                            items.Where(x => x.Status != "{{status}}" && x.Created.Year > 2000).MinBy(x => x.Amount);
                        """,
                });
            }

            w.Close();
            return w.ToString();
        }
    }
}
