package dev.purgedeck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.purgedeck.context.Version;
import dev.purgedeck.edge.FetchLimits;
import dev.purgedeck.edge.PageFetcher;
import dev.purgedeck.edge.PageReport;
import dev.purgedeck.edge.PageReportJson;
import dev.purgedeck.files.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code purgedeck inspect URL...}: how Fastly serves each page, read from its Fastly-Debug headers. */
@Command(name = "inspect", addMethodSubcommands = false, versionProvider = RootCommand.VersionText.class,
        sortOptions = false, usageHelpWidth = 100, descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = {"Fetches each page with 'Fastly-Debug: 1' (never with the API token, never following a "
                + "redirect) and says whether the edge and the shield served it from cache, how old the copy is and "
                + "how long it has left, which POPs answered, its ETag, Last-Modified, cache key digest and "
                + "surrogate keys. With the Sandbox profile the sandbox's demo sites are inspected."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every page was read", "1:some pages could not be read; the reasons are on stderr",
                "2:bad usage or configuration"},
        footerHeading = "%nExamples:%n",
        footer = {"  purgedeck inspect https://www.dailycourier.example/news",
                "  purgedeck inspect --json https://shop.northwind.example/ https://www.northwind.example/"})
final class InspectCommand extends StandardOptions {
    static final int MAX_URLS = 100;

    @Parameters(paramLabel = "URL", arity = "1..*", description = "The pages, e.g. https://www.example.com/news.")
    List<String> urls;

    @Option(names = "--json", description = "Print one JSON document ({\"pages\": [...]}) instead of text.")
    boolean json;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Inspect as this PurgeDeck profile does (the Sandbox profile reads the sandbox's pages).")
    String profile;

    private final CliContext ctx;

    InspectCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (urls.size() > MAX_URLS) {
            throw CliFailure.usage(urls.size() + " URLs given; inspect at most " + MAX_URLS + " at once");
        }
        ConnectionResolver.Resolved r = ConnectionResolver.resolve(ctx, profile);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread t = new Thread(runnable, "inspect");
            t.setDaemon(true);
            return t;
        });
        try {
            PageFetcher fetcher = PageFetcher.forConnection(r.connection(), Version.userAgent(), FetchLimits.DEFAULT,
                    executor);
            List<CompletableFuture<PageReport>> pending = urls.stream().map(fetcher::inspect).toList();
            List<Map<String, Object>> pages = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            int failed = 0;
            for (int i = 0; i < urls.size(); i++) {
                String url = urls.get(i);
                try {
                    PageReport report = await(pending.get(i));
                    pages.add(PageReportJson.of(report));
                    text.append(InspectText.render(report)).append(System.lineSeparator());
                } catch (ExecutionException e) {
                    failed++;
                    String why = e.getCause() == null ? String.valueOf(e) : e.getCause().getMessage();
                    pages.add(PageReportJson.failed(url, why));
                    ctx.warn("purgedeck: " + url + ": " + why);
                }
            }
            print(pages, text);
            return failed == 0 ? Cli.OK : Cli.FAILED;
        } finally {
            executor.shutdownNow();
        }
    }

    private static PageReport await(CompletableFuture<PageReport> f) throws ExecutionException {
        try {
            // The fetcher ends every request within its own limits; this only guards against a bug.
            return f.get(FetchLimits.DEFAULT.totalTimeout().toSeconds() + 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException(new IllegalStateException("interrupted"));
        } catch (TimeoutException e) {
            throw new ExecutionException(new IllegalStateException("no answer in time"));
        }
    }

    private void print(List<Map<String, Object>> pages, StringBuilder text) {
        if (!json) {
            ctx.out().print(text);
            return;
        }
        try {
            ObjectMapper mapper = Json.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ctx.out().println(mapper.writeValueAsString(PageReportJson.document(pages)));
        } catch (JsonProcessingException e) {
            throw CliFailure.failed("could not write the JSON: " + e.getOriginalMessage());
        }
    }
}
