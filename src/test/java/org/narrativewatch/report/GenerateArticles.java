package org.narrativewatch.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Writes N realistic per-article JSON records for the report benchmark: bodies are paragraphs
 * of the real articles in corpus/ shuffled with a fixed seed, spread over two years and 300
 * outlets, with the published field in the formats news feeds use (5% undated). Entities and
 * narratives come from {@link ArticleFixtures}. Usage: GenerateArticles N DIR
 */
public final class GenerateArticles {
    static final int OUTLETS = 300;
    static final LocalDate FIRST_DAY = LocalDate.of(2017, 1, 1);
    static final int DAYS = 730;

    private GenerateArticles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: GenerateArticles N DIR");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        long t0 = System.nanoTime();
        write(n, dir);
        System.err.printf("generated %d records in %s in %.1f s%n", n, dir, (System.nanoTime() - t0) / 1e9);
    }

    /** Writes records bench-0000001.json ... into dir; record i is the same whatever the thread count. */
    static void write(int n, Path dir) throws IOException {
        List<String> paragraphs = paragraphs();
        Files.createDirectories(dir);
        try {
            IntStream.rangeClosed(1, n).parallel().forEach(i -> {
                try {
                    write(i, new Random(20180101L * 31 + i), paragraphs, dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void write(int i, Random random, List<String> paragraphs, Path dir) throws IOException {
        int count = 4 + random.nextInt(10);
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < count; p++) {
            body.append(p == 0 ? "" : "\n\n").append(paragraphs.get(random.nextInt(paragraphs.size())));
        }
        String first = paragraphs.get(random.nextInt(paragraphs.size()));
        String title = first.length() <= 90 ? first : first.substring(0, first.lastIndexOf(' ', 90)) + "…";
        int outlet = (int) Math.floor(Math.pow(random.nextDouble(), 2) * OUTLETS);
        String id = String.format(Locale.ROOT, "bench-%07d", i);
        ArticleFixtures.write(dir, body.toString(), id + ".txt", new ArticleFixtures.Meta(id, title,
                "https://outlet" + outlet + ".example/news/" + id, "Outlet " + outlet, published(random)));
    }

    private static String published(Random random) {
        if (random.nextInt(100) < 5) {
            return null;
        }
        LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
        var time = day.atTime(random.nextInt(24), random.nextInt(60)).atOffset(ZoneOffset.ofHours(random.nextInt(5) - 2));
        return switch (random.nextInt(5)) {
            case 0 -> day.toString();
            case 1 -> time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case 2 -> time.format(DateTimeFormatter.RFC_1123_DATE_TIME);
            case 3 -> day.format(DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH));
            default -> day.format(DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.ROOT));
        };
    }

    private static List<String> paragraphs() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(ArticleFixtures.corpusDir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                for (String p : Files.readString(f).split("\\n\\s*\\n")) {
                    if (p.strip().length() > 40) {
                        out.add(p.strip());
                    }
                }
            }
        }
        return out;
    }
}
