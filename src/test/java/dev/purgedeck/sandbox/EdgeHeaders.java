package dev.purgedeck.sandbox;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The test's own reading of Fastly's cache headers, written from docs/fastly-edge.md §1, not from the sandbox. */
final class EdgeHeaders {
    private static final Pattern TTL = Pattern.compile("\\(([HM]) (\\S+) (\\S+) (\\S+) (\\S+)\\)");
    private static final Pattern PATH = Pattern.compile("\\(([DF]) (\\S+) (\\d+)\\)");
    private static final Pattern TIMER = Pattern.compile("S(\\d+)\\.(\\d{6}),VS0,VE(\\d+)");
    private static final Pattern VERSION = Pattern.compile("<meta name=\"version\" content=\"(\\d+)\">");

    /** One Fastly-Debug-TTL group; remaining and staleIfError are null when shown as "-". */
    record TtlGroup(boolean hit, String node, Double remaining, Double staleIfError, String age) {
    }

    /** One Fastly-Debug-Path group. */
    record PathGroup(char kind, String node, long epochSecond) {
    }

    /** X-Timer's start and elapsed parts. */
    record Timer(long startSecond, int micros, int elapsedMs) {
    }

    private EdgeHeaders() {
    }

    static List<String> list(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).map(v -> Arrays.asList(v.split(", "))).orElse(List.of());
    }

    static List<TtlGroup> ttl(HttpResponse<?> r) {
        List<TtlGroup> out = new ArrayList<>();
        Matcher m = TTL.matcher(r.headers().firstValue("Fastly-Debug-TTL").orElse(""));
        while (m.find()) {
            out.add(new TtlGroup(m.group(1).equals("H"), m.group(2), number(m.group(3)), number(m.group(4)),
                    m.group(5)));
        }
        return out;
    }

    static List<PathGroup> path(HttpResponse<?> r) {
        List<PathGroup> out = new ArrayList<>();
        Matcher m = PATH.matcher(r.headers().firstValue("Fastly-Debug-Path").orElse(""));
        while (m.find()) {
            out.add(new PathGroup(m.group(1).charAt(0), m.group(2), Long.parseLong(m.group(3))));
        }
        return out;
    }

    static Timer timer(HttpResponse<?> r) {
        Matcher m = TIMER.matcher(r.headers().firstValue("X-Timer").orElse(""));
        if (!m.matches()) {
            throw new AssertionError("X-Timer not in Fastly's format: " + r.headers().firstValue("X-Timer"));
        }
        return new Timer(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** The content version the page body carries. */
    static int version(HttpResponse<String> r) {
        Matcher m = VERSION.matcher(r.body());
        if (!m.find()) {
            throw new AssertionError("no version in body: " + r.body());
        }
        return Integer.parseInt(m.group(1));
    }

    static long age(HttpResponse<?> r) {
        return Long.parseLong(r.headers().firstValue("Age").orElseThrow());
    }

    private static Double number(String s) {
        return s.equals("-") ? null : Double.valueOf(s);
    }
}
