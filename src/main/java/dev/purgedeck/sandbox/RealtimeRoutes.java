package dev.purgedeck.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real-time stats API under {@code /rt}: {@code GET /v1/channel/{service}/ts/{ts|h}[/limit/{n}]}, shaped as
 * Fastly's (capitalised top-level keys, per-second records, the 200 "No data" answer; docs/fastly-edge.md §5).
 */
final class RealtimeRoutes {
    static final String PREFIX = "/rt";
    static final String NO_DATA = "No data available, please retry";
    /** The sandbox aggregates a second as soon as it ends; Fastly waits about 9. */
    static final int AGGREGATE_DELAY = 1;
    private static final int HISTORY_SECONDS = 120;
    private static final String POP = "LCY";

    private final SandboxContext ctx;

    RealtimeRoutes(SandboxContext ctx) {
        this.ctx = ctx;
    }

    void handle(ApiExchange ex) {
        String[] p = ex.rawPath().substring(PREFIX.length()).split("/", -1);
        // "", "v1", "channel", id, "ts", ts [, "limit", n]
        if (p.length != 6 && p.length != 8 || !p[1].equals("v1") || !p[2].equals("channel") || !p[4].equals("ts")
                || p.length == 8 && !p[6].equals("limit")) {
            throw ApiError.msg(404, "Not found");
        }
        DemoToken token = ctx.auth().require(ex);
        ctx.auth().requireScope(token, "global:read", "global");
        String serviceId = PathCodec.decodeSegment(p[3]);
        ctx.auth().requireService(token, serviceId);
        long limit = p.length == 8 ? number(p[7]) : Integer.MAX_VALUE;
        if (limit < 1) {
            throw ApiError.msg(400, "Bad request", "limit must be at least 1");
        }
        Traffic traffic = ctx.edge().traffic();
        long latest = traffic.latest();
        List<SecondStats> records;
        long next;
        if (p[5].equals("h")) {
            List<SecondStats> all = traffic.since(serviceId, latest - HISTORY_SECONDS + 1);
            records = all.subList((int) Math.max(0, all.size() - limit), all.size());
            next = latest + 1;
        } else {
            long ts = number(p[5]);
            List<SecondStats> all = ts == 0 ? traffic.since(serviceId, latest) : traffic.since(serviceId, ts);
            records = all.subList(0, (int) Math.min(limit, all.size()));
            next = records.isEmpty() ? Math.max(ts, latest + 1) : records.get(records.size() - 1).recorded + 1;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Data", data(records));
        body.put("Timestamp", next);
        body.put("AggregateDelay", AGGREGATE_DELAY);
        if (records.isEmpty()) {
            body.put("Error", NO_DATA);
        }
        ex.responseHeaders().set("Cache-Control", "max-age=1");
        ex.responseHeaders().set("Vary", "Accept-Encoding, Fastly-Key, Cookie");
        ex.responseHeaders().set("Access-Control-Allow-Origin", "*");
        ex.json(200, body);
    }

    private static List<Map<String, Object>> data(List<SecondStats> records) {
        List<Map<String, Object>> out = new ArrayList<>(records.size());
        for (SecondStats s : records) {
            Map<String, Object> m = s.measurements();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("datacenter", Map.of(POP, m));
            r.put("aggregated", m);
            r.put("recorded", s.recorded);
            out.add(r);
        }
        return out;
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw ApiError.msg(400, "Bad request", "Expected a number of seconds, got " + s);
        }
    }
}
