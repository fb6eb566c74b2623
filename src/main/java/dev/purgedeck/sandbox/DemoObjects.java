package dev.purgedeck.sandbox;

import java.util.Arrays;
import java.util.List;

/** The cached objects each demo service starts with: real-looking URLs and surrogate keys. */
final class DemoObjects {
    static final String COURIER_WWW = "7kQm2XvR9tLp4WnB8cYd3F";
    static final String COURIER_IMG = "3HsT8gVw1ZqN6bKe5RjU2m";
    static final String NORTHWIND_SHOP = "9PfL4cXa7YmD2sQh6TvE1k";
    static final String NORTHWIND_DOCS = "5GbW1nJr8KtC3zMx9LqA4d";
    static final String NORTHWIND_API = "2VyE6hPk4RsF9wNd7BmT8c";

    /** Front page and section fronts: short TTL, served stale for a minute while revalidating. */
    static final PagePolicy FRONT = PagePolicy.cached(300, 60, 86400, "public, max-age=60");
    static final PagePolicy ARTICLE = PagePolicy.cached(86400, 0, 86400, "public, max-age=300");
    static final PagePolicy PRODUCT = PagePolicy.cached(3600, 30, 3600, "public, max-age=60");
    static final PagePolicy IMAGE = PagePolicy.cached(31536000, 0, 86400, "public, max-age=31536000, immutable");
    static final PagePolicy DOCS = PagePolicy.cached(86400, 0, 0, "public, max-age=600");
    static final PagePolicy API = PagePolicy.cached(60, 0, 0, "public, max-age=0");

    private DemoObjects() {
    }

    static List<SeedObject> forService(String serviceId) {
        return switch (serviceId) {
            case COURIER_WWW -> courierWww();
            case COURIER_IMG -> courierImages();
            case NORTHWIND_SHOP -> shop();
            case NORTHWIND_DOCS -> docs();
            case NORTHWIND_API -> api();
            default -> List.of();
        };
    }

    static List<SeedObject> loadTest(String host) {
        String base = "https://" + host;
        return List.of(
                SeedObject.of(base + "/", "homepage", "all"),
                SeedObject.of(base + "/item/1", "item-1", "all"),
                SeedObject.of(base + "/item/2?v=1", "item-2", "all"));
    }

    private static List<SeedObject> all(PagePolicy policy, SeedObject... pages) {
        return Arrays.stream(pages).map(p -> p.with(policy)).toList();
    }

    // Query strings are written with their parameters sorted, because go-fastly (and so the Fastly CLI)
    // re-encodes a purge URL's query sorted; unsorted seeds could never be hit from the CLI.
    private static List<SeedObject> courierWww() {
        String b = "https://www.dailycourier.example";
        return List.of(
                SeedObject.of(b + "/", "homepage", "all").with(FRONT),
                SeedObject.of(b + "/news", "section-news", "news", "article/4711", "article/4712", "all").with(FRONT),
                SeedObject.of(b + "/news/2025/city-council-approves-budget", "article-4711", "article/4711",
                        "section-news", "all").with(ARTICLE),
                SeedObject.of(b + "/news/2025/harbour-bridge-reopens", "article-4712", "article/4712",
                        "section-news", "all").with(ARTICLE),
                SeedObject.of(b + "/sport", "section-sport", "all").with(FRONT),
                SeedObject.of(b + "/sport/2025/cup-final-report", "article-4720", "article/4720", "section-sport",
                        "all").with(ARTICLE),
                SeedObject.of(b + "/opinion/editorial-housing", "article-4731", "article/4731", "section-opinion",
                        "all").with(ARTICLE),
                SeedObject.of(b + "/weather?city=brighton", "weather", "weather-brighton", "all"),
                SeedObject.of(b + "/weather?city=leeds", "weather", "weather-leeds", "all"),
                SeedObject.of(b + "/search?page=2&q=budget", "search", "all"),
                SeedObject.of(b + "/authors/jane-doe", "author-jane-doe", "all"),
                SeedObject.of(b + "/feeds/rss.xml", "feed-rss", "section-news", "all"),
                SeedObject.of(b + "/assets/app.css", "assets", "all"),
                SeedObject.of(b + "/assets/app.js", "assets", "all"),
                SeedObject.of(b + "/sitemap.xml", "sitemap", "all"));
    }

    private static List<SeedObject> courierImages() {
        String b = "https://img.dailycourier.example";
        return all(IMAGE,
                SeedObject.of(b + "/photos/article-4711/hero.jpg", "image-9001", "article-4711", "all"),
                SeedObject.of(b + "/photos/article-4711/hero.jpg?w=640", "image-9001", "article-4711", "all"),
                SeedObject.of(b + "/photos/article-4711/hero.jpg?w=1280", "image-9001", "article-4711", "all"),
                SeedObject.of(b + "/photos/article-4712/bridge.webp", "image-9002", "article-4712", "all"),
                SeedObject.of(b + "/photos/article-4712/bridge.webp?w=640", "image-9002", "article-4712", "all"),
                SeedObject.of(b + "/photos/article-4720/final.jpg?format=webp&w=800", "image-9003", "article-4720",
                        "all"),
                SeedObject.of(b + "/authors/jane-doe.png", "author-jane-doe", "all"),
                SeedObject.of(b + "/logos/courier.svg", "logo", "all"),
                SeedObject.of(b + "/icons/favicon.ico", "icons", "all"),
                SeedObject.of(b + "/icons/apple-touch-icon.png", "icons", "all"));
    }

    private static List<SeedObject> shop() {
        String b = "https://shop.northwind.example";
        return List.of(
                SeedObject.of(b + "/", "homepage", "all"),
                SeedObject.of(b + "/products/4711-ceramic-teapot", "product-4711", "category-kitchen", "all")
                        .with(PRODUCT),
                SeedObject.of(b + "/products/4712-espresso-cups", "product-4712", "category-kitchen", "all")
                        .with(PRODUCT),
                SeedObject.of(b + "/products/4713-linen-apron", "product-4713", "category-kitchen", "all"),
                SeedObject.of(b + "/products/5120-oak-side-table", "product-5120", "category-furniture", "all"),
                SeedObject.of(b + "/category/kitchen", "category-kitchen", "all"),
                SeedObject.of(b + "/category/kitchen?page=2", "category-kitchen", "all"),
                SeedObject.of(b + "/category/furniture", "category-furniture", "all"),
                SeedObject.of(b + "/search?q=teapot", "search", "all"),
                SeedObject.of(b + "/api/prices?sku=4711", "price-4711", "product-4711", "all"),
                SeedObject.of(b + "/api/stock?sku=4711", "stock-4711", "product-4711", "all"),
                SeedObject.of(b + "/promotions/spring-sale", "promo-spring", "all"),
                SeedObject.of(b + "/static/shop.css", "assets", "all"),
                // Not cached: the cart is per visitor, so the origin says private and Fastly passes it.
                SeedObject.of(b + "/cart", "cart").with(PagePolicy.pass()),
                // The edge itself redirects the bare www host to the shop (a synthetic answer, never fetched).
                SeedObject.of("https://www.northwind.example/").with(PagePolicy.redirect(b + "/")));
    }

    private static List<SeedObject> docs() {
        String b = "https://docs.northwind.example";
        return all(DOCS,
                SeedObject.of(b + "/", "docs-home", "all"),
                SeedObject.of(b + "/getting-started", "page-getting-started", "version-v2", "all"),
                SeedObject.of(b + "/guides/install", "guide-install", "version-v2", "all"),
                SeedObject.of(b + "/guides/configuration", "guide-configuration", "version-v2", "all"),
                SeedObject.of(b + "/api/v2/reference", "api-v2", "version-v2", "all"),
                SeedObject.of(b + "/api/v2/reference/orders", "api-v2", "api-v2-orders", "version-v2", "all"),
                SeedObject.of(b + "/api/v1/reference", "api-v1", "version-v1", "all"),
                SeedObject.of(b + "/changelog", "changelog", "all"),
                SeedObject.of(b + "/search?q=purge", "search", "all"),
                SeedObject.of(b + "/assets/docs.css", "assets", "all"));
    }

    private static List<SeedObject> api() {
        String b = "https://api.northwind.example";
        return all(API,
                SeedObject.of(b + "/v2/products", "api-products", "all"),
                SeedObject.of(b + "/v2/products?page=2", "api-products", "all"),
                SeedObject.of(b + "/v2/products/4711", "product-4711", "api-products", "all"),
                SeedObject.of(b + "/v2/products/4712", "product-4712", "api-products", "all"),
                SeedObject.of(b + "/v2/categories", "api-categories", "all"),
                SeedObject.of(b + "/v2/prices?currency=EUR&sku=4711", "price-4711", "product-4711", "all"),
                SeedObject.of(b + "/v2/stores?city=leeds", "api-stores", "all"),
                SeedObject.of(b + "/v2/stores/17", "store-17", "api-stores", "all"),
                SeedObject.of(b + "/v2/openapi.json", "api-spec", "all"),
                SeedObject.of(b + "/v2/health", "health", "all"));
    }
}
