package dev.purgedeck.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Builds the demo account and its cache seed; deterministic so ids stay the same from run to run. */
final class DemoCatalog {
    static final int GENERATED_SERVICES = 250;
    /** Services whose edge fetches through a shield POP (docs/fastly-edge.md §9). */
    static final Set<String> SHIELDED = Set.of(DemoObjects.COURIER_WWW);
    /** Services whose VCL drops Fastly-Debug, so no debug headers come back (docs/fastly-edge.md §1.1). */
    static final Set<String> STRIPS_DEBUG = Set.of(DemoObjects.NORTHWIND_DOCS);
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private DemoCatalog() {
    }

    static DemoAccount account(boolean manyServices) {
        List<ServiceDetails> all = new ArrayList<>(demoServices());
        if (manyServices) {
            all.addAll(generatedServices(GENERATED_SERVICES));
        }
        return new DemoAccount(all);
    }

    /** Seed objects per service id, in service order. */
    static Map<String, List<SeedObject>> seeds(DemoAccount account) {
        Map<String, List<SeedObject>> seeds = new LinkedHashMap<>();
        for (DemoService s : account.services()) {
            List<SeedObject> known = DemoObjects.forService(s.id());
            seeds.put(s.id(), known.isEmpty() ? DemoObjects.loadTest(s.domains().get(0)) : known);
        }
        return seeds;
    }

    private static List<ServiceDetails> demoServices() {
        return List.of(
                details(DemoObjects.COURIER_WWW, "Daily Courier — www", "News site, VCL with shielding", "vcl",
                        "2021-03-08T10:15:42Z", "2025-06-02T08:01:13Z", 41, 42,
                        "www.dailycourier.example", "dailycourier.example"),
                details(DemoObjects.COURIER_IMG, "Daily Courier — images", "Image optimizer in front of S3", "vcl",
                        "2021-03-09T14:02:11Z", "2025-05-20T17:44:09Z", 17, 17, "img.dailycourier.example"),
                details(DemoObjects.NORTHWIND_SHOP, "Northwind Shop", "", "vcl",
                        "2022-07-19T09:30:00Z", "2025-06-11T12:12:40Z", 87, 88,
                        "shop.northwind.example", "www.northwind.example"),
                details(DemoObjects.NORTHWIND_DOCS, "Northwind Docs", "Static docs, built nightly", "vcl",
                        "2023-01-11T16:45:27Z", "2025-04-30T06:20:00Z", 12, 12, "docs.northwind.example"),
                details(DemoObjects.NORTHWIND_API, "Northwind API", "Compute service", "wasm",
                        "2024-02-27T11:05:54Z", "2025-06-09T15:37:21Z", 23, 23, "api.northwind.example"));
    }

    private static ServiceDetails details(String id, String name, String comment, String type, String created,
            String updated, int active, int versions, String... domains) {
        return new ServiceDetails(new DemoService(id, name, List.of(domains)), comment, type,
                Instant.parse(created), Instant.parse(updated), active, versions);
    }

    private static List<ServiceDetails> generatedServices(int count) {
        // A fixed seed keeps the generated ids stable, so a paginating client sees the same pages every run.
        Random random = new Random(4711L);
        Set<String> used = new HashSet<>();
        Instant base = Instant.parse("2024-09-01T00:00:00Z");
        List<ServiceDetails> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String id;
            do {
                id = randomId(random);
            } while (!used.add(id));
            String number = String.format("%03d", i);
            Instant created = base.plus(Duration.ofHours(i));
            DemoService service = new DemoService(id, "Load Test " + number, List.of("lt" + number + ".loadtest.example"));
            out.add(new ServiceDetails(service, "Generated for pagination tests", "vcl", created, created, 1, 1));
        }
        return out;
    }

    private static String randomId(Random random) {
        StringBuilder sb = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }
}
