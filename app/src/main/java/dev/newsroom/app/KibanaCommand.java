package dev.newsroom.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.model.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsroom kibana import}: puts the saved objects of {@code deploy/kibana/*.ndjson} (data
 * views, saved searches, the News and Feed health dashboards) into a Kibana through its import
 * API, replacing objects with the same ids. One line per file on stdout with the count imported;
 * one line per problem on stderr. Exit codes: 0 every object imported, 1 Kibana unreachable,
 * refusing the credentials or some objects, 2 bad options or files.
 */
@Command(name = "kibana", description = "Kibana saved objects of newsroom.", subcommands = KibanaCommand.Import.class)
final class KibanaCommand implements Callable<Integer> {
    /** The saved-object files bundled with the command (module deploy, {@code kibana/}), in import order. */
    static final List<String> BUNDLED = List.of(
            "10-data-views.ndjson", "20-searches.ndjson", "30-news-dashboard.ndjson", "40-feed-health-dashboard.ndjson");
    private static final String BUNDLED_PATH = "/dev/newsroom/deploy/kibana/";

    @Override
    public Integer call() {
        throw new BadInputException("say what to do with Kibana: import (see --help)");
    }

    @Command(name = "import", description = "Import the data views, saved searches and dashboards into Kibana (overwriting objects with the same ids).")
    static final class Import implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--url", required = true, paramLabel = "URL", description = "Kibana's base URL, e.g. http://localhost:5601.")
        String url;

        @Option(names = "--api-key", paramLabel = "KEY", description = "An API key (the base64 'encoded' value Elasticsearch returns).")
        String apiKey;

        @Option(names = "--user", paramLabel = "U", description = "User for basic authentication (with --password).")
        String user;

        @Option(names = "--password", paramLabel = "P", description = "Password of --user.")
        String password;

        @Option(names = "--space", paramLabel = "S", description = "Kibana space id (default: the default space).")
        String space;

        @Option(names = "--dir", paramLabel = "DIR", description = "Import the *.ndjson files of this directory in name order instead of the bundled ones.")
        Path dir;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Longest wait for Kibana per file, 1 to 600 seconds (default ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        public Integer call() {
            URI base = baseUri();
            String authorization = authorization();
            if (timeoutSeconds < 1 || timeoutSeconds > 600) {
                throw new BadInputException("--timeout must be from 1 to 600 seconds, was " + timeoutSeconds);
            }
            URI endpoint = URI.create(base + (space == null ? "" : "/s/" + space) + "/api/saved_objects/_import?overwrite=true");
            List<SavedObjectsFile> files = files();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(Math.min(timeoutSeconds, 10))).build();
            boolean allImported = true;
            for (SavedObjectsFile file : files) {
                JsonNode result = post(http, endpoint, authorization, file);
                int imported = result.path("successCount").asInt(0);
                List<String> errors = new ArrayList<>();
                for (JsonNode error : result.path("errors")) {
                    errors.add(describe(error));
                }
                if (errors.isEmpty() && result.path("success").asBoolean(true)) {
                    out.println(file.name() + ": " + imported + " objects imported");
                } else {
                    allImported = false;
                    err.println(spec.qualifiedName() + ": " + file.name() + ": " + imported + " objects imported, "
                            + errors.size() + " not: " + String.join("; ", errors));
                }
            }
            out.flush();
            err.flush();
            return allImported ? 0 : Newsroom.RUNTIME_FAILURE;
        }

        private URI baseUri() {
            URI uri;
            try {
                uri = URI.create(url.strip().replaceAll("/+$", ""));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--url '" + url + "' is not a URL: " + e.getMessage());
            }
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new BadInputException("--url '" + url + "' is not an absolute http:// or https:// URL");
            }
            if (space != null && !space.matches("[a-z0-9_-]+")) {
                throw new BadInputException("--space '" + space + "' is not a space id (lowercase letters, digits, _ and -)");
            }
            return uri;
        }

        private String authorization() {
            if (apiKey != null && (user != null || password != null)) {
                throw new BadInputException("give either --api-key or --user and --password, not both");
            }
            if ((user == null) != (password == null)) {
                throw new BadInputException("--user and --password go together");
            }
            if (apiKey != null) {
                return "ApiKey " + apiKey.strip();
            }
            if (user != null) {
                return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            }
            return null;
        }

        private List<SavedObjectsFile> files() {
            if (dir == null) {
                return BUNDLED.stream().map(name -> new SavedObjectsFile(name, bundled(name))).toList();
            }
            if (!Files.isDirectory(dir)) {
                throw new BadInputException("--dir " + dir + " is not a directory");
            }
            List<Path> paths;
            try (Stream<Path> list = Files.list(dir)) {
                paths = list.filter(p -> p.getFileName().toString().endsWith(".ndjson")).sorted().toList();
            } catch (IOException e) {
                throw new BadInputException("Cannot list " + dir + ": " + e.getMessage(), e);
            }
            if (paths.isEmpty()) {
                throw new BadInputException("--dir " + dir + " holds no .ndjson file");
            }
            List<SavedObjectsFile> files = new ArrayList<>();
            for (Path path : paths) {
                try {
                    files.add(new SavedObjectsFile(path.getFileName().toString(), Files.readAllBytes(path)));
                } catch (IOException e) {
                    throw new BadInputException("Cannot read " + path + ": " + e.getMessage(), e);
                }
            }
            return files;
        }

        private static byte[] bundled(String name) {
            try (InputStream in = KibanaCommand.class.getResourceAsStream(BUNDLED_PATH + name)) {
                if (in == null) {
                    throw new IllegalStateException("The bundled saved objects " + name + " are missing from the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private JsonNode post(HttpClient http, URI endpoint, String authorization, SavedObjectsFile file) {
            String boundary = "newsroom-" + UUID.randomUUID();
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(timeoutSeconds))
                    .header("kbn-xsrf", "true")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, file)));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new KibanaException("Kibana at " + url + " is not reachable (" + Newsroom.oneLine(e) + "); is it running and healthy?");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KibanaException("Interrupted while importing " + file.name() + " into Kibana at " + url);
            }
            int status = response.statusCode();
            String message = message(response.body());
            switch (status) {
                case 200 -> {
                    try {
                        return Json.mapper().readTree(response.body());
                    } catch (IOException e) {
                        throw new KibanaException("Kibana at " + url + " answered the import of " + file.name() + " with something that is not JSON: " + abbreviate(response.body()));
                    }
                }
                case 401 -> throw new KibanaException("Kibana at " + url + " refused the credentials (401 Unauthorized)"
                        + (authorization == null ? "; it needs --api-key or --user and --password" : ": " + message));
                case 403 -> throw new KibanaException("Kibana at " + url + " does not let this user import saved objects (403 Forbidden): " + message);
                case 404 -> throw new KibanaException("Kibana at " + url + " has no import API at " + endpoint.getPath()
                        + (space == null ? "" : " (is there a space '" + space + "'?)") + " (404): " + message);
                default -> throw new KibanaException("Kibana at " + url + " answered " + status + " to the import of " + file.name() + ": " + message);
            }
        }

        private static byte[] multipart(String boundary, SavedObjectsFile file) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String head = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\"" + file.name() + "\"\r\n"
                    + "Content-Type: application/ndjson\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return body.toByteArray();
        }

        /** {@code dashboard newsroom-news "News" (missing_references: index-pattern newsroom-stories)}. */
        private static String describe(JsonNode error) {
            StringBuilder text = new StringBuilder()
                    .append(error.path("type").asText("object")).append(' ').append(error.path("id").asText("?"));
            String title = error.path("meta").path("title").asText(error.path("title").asText(""));
            if (!title.isEmpty()) {
                text.append(" \"").append(title).append('"');
            }
            JsonNode detail = error.path("error");
            text.append(" (").append(detail.path("type").asText("error"));
            List<String> missing = new ArrayList<>();
            for (JsonNode reference : detail.path("references")) {
                missing.add(reference.path("type").asText() + " " + reference.path("id").asText());
            }
            if (!missing.isEmpty()) {
                text.append(": ").append(String.join(", ", missing));
            } else if (detail.hasNonNull("message")) {
                text.append(": ").append(detail.get("message").asText());
            }
            return text.append(')').toString();
        }

        private static String message(String body) {
            try {
                JsonNode json = Json.mapper().readTree(body);
                if (json != null && json.hasNonNull("message")) {
                    return json.get("message").asText();
                }
            } catch (IOException e) {
                // not JSON: the body itself says more than the parse error
            }
            return abbreviate(body);
        }

        private static String abbreviate(String body) {
            String line = body == null ? "" : body.replaceAll("\\s+", " ").strip();
            return line.length() > 200 ? line.substring(0, 200) + "..." : line;
        }
    }

    private record SavedObjectsFile(String name, byte[] content) {}

    /** Kibana could not be reached or refused the request: a runtime failure, exit code 1. */
    static final class KibanaException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KibanaException(String message) {
            super(message);
        }
    }
}
