package io.ocrserve.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a registration {@code url} into a local archive. Plain names resolve inside the model store; remote
 * URLs (http, https, file) must match one of {@code allowed_urls}, which is empty by default: TorchServe's
 * permissive default made SSRF with hostile archives possible (CVE-2023-43654).
 */
final class ModelStore {
    private static final Pattern REMOTE = Pattern.compile("(?i)(https?|file)://.*");

    private final Path root;
    private final List<Pattern> allowed;
    private final long maxBytes;

    ModelStore(Path root, List<String> allowedUrls, long maxBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.allowed = allowedUrls.stream().map(Pattern::compile).toList();
        this.maxBytes = maxBytes;
    }

    Path root() {
        return root;
    }

    Path resolve(String url) {
        if (url == null || url.isBlank()) {
            throw ServingException.badRequest("Parameter url is required.");
        }
        if (url.contains("..")) {
            throw ServingException.notFound("Relative path is not allowed in url: " + url);
        }
        if (REMOTE.matcher(url).matches()) {
            if (allowed.stream().noneMatch(p -> p.matcher(url).matches())) {
                throw ServingException.notFound("Given URL " + url + " does not match any allowed URL(s) "
                        + "(allowed_urls; by default only the model store may be used)");
            }
            return url.regionMatches(true, 0, "file:", 0, 5) ? existing(Path.of(URI.create(url)), url) : download(url);
        }
        Path p = root.resolve(url).normalize();
        if (!p.startsWith(root)) {
            throw ServingException.notFound("Model not found in model store: " + url);
        }
        return existing(p, url);
    }

    private static Path existing(Path p, String url) {
        if (!Files.exists(p)) {
            throw ServingException.notFound("Model not found in model store: " + url);
        }
        return p;
    }

    private Path download(String url) {
        try {
            Path dir = Files.createDirectories(root.resolve(".downloads"));
            String name = Path.of(URI.create(url).getPath()).getFileName().toString();
            Path target = Files.createTempFile(dir, "dl-", "-" + name.replaceAll("[^A-Za-z0-9_.\\-]", "_"));
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw ServingException.badRequest("Failed to download model from " + url + ": HTTP "
                        + response.statusCode());
            }
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(target)) {
                byte[] buf = new byte[64 * 1024];
                long total = 0;
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    if (total > maxBytes) {
                        throw ServingException.badRequest("archive at " + url + " is larger than " + maxBytes + " bytes");
                    }
                    out.write(buf, 0, n);
                }
            }
            return target;
        } catch (IOException e) {
            throw ServingException.badRequest("Failed to download model from " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServingException.badRequest("download of " + url + " was interrupted");
        }
    }
}
