package dev.newsroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code newsroom kibana import} against a small fake Kibana on loopback that records what it receives. */
class KibanaCommandTest {
    @TempDir
    Path dir;

    private FakeKibana kibana;

    @AfterEach
    void stop() {
        if (kibana != null) {
            kibana.close();
        }
    }

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Newsroom.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** What Kibana answers to an import that took every object: the count of the file's lines. */
    private static FakeKibana.Answer importsEverything() {
        return request -> {
            long objects = request.ndjson().lines().filter(line -> !line.isBlank()).count();
            return new FakeKibana.Reply(200, "{\"success\":true,\"successCount\":" + objects + ",\"successResults\":[],\"warnings\":[]}");
        };
    }

    @Test
    void shouldImportEveryBundledFileInOrderAndPrintOneLinePerFile() throws IOException {
        kibana = FakeKibana.start(importsEverything());

        Result result = run("kibana", "import", "--url", kibana.url());

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(kibana.requests()).extracting(FakeKibana.Request::fileName).containsExactlyElementsOf(KibanaCommand.BUNDLED);
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(KibanaCommand.BUNDLED.size());
        for (int i = 0; i < lines.size(); i++) {
            String name = KibanaCommand.BUNDLED.get(i);
            long objects = Files.readAllLines(Path.of("../deploy/kibana", name)).stream().filter(l -> !l.isBlank()).count();
            assertThat(lines.get(i)).isEqualTo(name + ": " + objects + " objects imported");
        }
    }

    @Test
    void shouldPostMultipartWithTheXsrfHeaderAndOverwrite() throws IOException {
        kibana = FakeKibana.start(importsEverything());

        run("kibana", "import", "--url", kibana.url() + "/");

        FakeKibana.Request first = kibana.requests().get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/api/saved_objects/_import");
        assertThat(first.query()).isEqualTo("overwrite=true");
        assertThat(first.headers()).containsEntry("kbn-xsrf", "true").doesNotContainKey("authorization");
        assertThat(first.headers().get("content-type")).startsWith("multipart/form-data; boundary=");
        assertThat(first.body()).contains("Content-Disposition: form-data; name=\"file\"; filename=\"10-data-views.ndjson\"");
        assertThat(first.ndjson()).isEqualTo(Files.readString(Path.of("../deploy/kibana/10-data-views.ndjson")));
    }

    @Test
    void shouldSendTheApiKeyAndImportIntoTheSpace() throws IOException {
        kibana = FakeKibana.start(importsEverything());

        Result result = run("kibana", "import", "--url", kibana.url(), "--api-key", "a2V5OnNlY3JldA==", "--space", "research");

        assertThat(result.exitCode()).isZero();
        assertThat(kibana.requests()).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/s/research/api/saved_objects/_import");
            assertThat(r.headers()).containsEntry("authorization", "ApiKey a2V5OnNlY3JldA==");
        });
    }

    @Test
    void shouldSendUserAndPasswordAsBasicAuthentication() throws IOException {
        kibana = FakeKibana.start(importsEverything());

        Result result = run("kibana", "import", "--url", kibana.url(), "--user", "elastic", "--password", "changeme");

        assertThat(result.exitCode()).isZero();
        String basic = "Basic " + Base64.getEncoder().encodeToString("elastic:changeme".getBytes(StandardCharsets.UTF_8));
        assertThat(kibana.requests()).allSatisfy(r -> assertThat(r.headers()).containsEntry("authorization", basic));
    }

    @Test
    void shouldImportTheFilesOfADirectoryInNameOrder() throws IOException {
        kibana = FakeKibana.start(importsEverything());
        Files.writeString(dir.resolve("b.ndjson"), "{\"id\":\"2\"}\n{\"id\":\"3\"}\n");
        Files.writeString(dir.resolve("a.ndjson"), "{\"id\":\"1\"}\n");
        Files.writeString(dir.resolve("notes.txt"), "not saved objects");

        Result result = run("kibana", "import", "--url", kibana.url(), "--dir", dir.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("a.ndjson: 1 objects imported\nb.ndjson: 2 objects imported\n");
    }

    @Test
    void shouldListTheObjectsKibanaRefusedAndExitOne() throws IOException {
        kibana = FakeKibana.start(request -> request.fileName().startsWith("30-")
                ? new FakeKibana.Reply(200, """
                        {"success":false,"successCount":0,"errors":[{"id":"newsroom-news","type":"dashboard","meta":{"title":"News"},
                         "error":{"type":"missing_references","references":[{"type":"index-pattern","id":"newsroom-stories"}]}}]}""")
                : importsEverything().reply(request));

        Result result = run("kibana", "import", "--url", kibana.url());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out().lines()).hasSize(3);
        assertThat(result.err()).isEqualTo("newsroom kibana import: 30-news-dashboard.ndjson: 0 objects imported, 1 not: "
                + "dashboard newsroom-news \"News\" (missing_references: index-pattern newsroom-stories)\n");
    }

    @Test
    void shouldSayInOneLineThatKibanaRefusedTheCredentials() throws IOException {
        kibana = FakeKibana.start(request -> new FakeKibana.Reply(401,
                "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"[security_exception]: unable to authenticate user [elastic]\"}"));

        Result result = run("kibana", "import", "--url", kibana.url(), "--user", "elastic", "--password", "wrong");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).hasLineCount(1)
                .contains("refused the credentials (401 Unauthorized): [security_exception]: unable to authenticate user [elastic]");
        assertThat(kibana.requests()).hasSize(1);
    }

    @Test
    void shouldSayInOneLineThatKibanaIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Result result = run("kibana", "import", "--url", "http://127.0.0.1:" + port);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).hasLineCount(1).startsWith("newsroom kibana import: Kibana at http://127.0.0.1:" + port + " is not reachable");
    }

    @Test
    void shouldReportAServerErrorWithKibanasMessage() throws IOException {
        kibana = FakeKibana.start(request -> new FakeKibana.Reply(503, "{\"statusCode\":503,\"message\":\"Kibana server is not ready yet\"}"));

        Result result = run("kibana", "import", "--url", kibana.url());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).hasLineCount(1).contains("answered 503 to the import of 10-data-views.ndjson: Kibana server is not ready yet");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "kibana import --url http://localhost:5601 --api-key k --user u --password p",
        "kibana import --url http://localhost:5601 --user u",
        "kibana import --url localhost:5601",
        "kibana import --url http://localhost:5601 --space Not/A/Space",
        "kibana import --url http://localhost:5601 --dir no-such-directory",
        "kibana import --url http://localhost:5601 --timeout 0",
        "kibana import",
        "kibana"})
    void shouldExitTwoWithOneLineOnBadOptions(String args) {
        Result result = run(args.split(" "));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).hasLineCount(1).startsWith("newsroom kibana");
    }

    @Test
    void shouldBundleExactlyTheSavedObjectFilesOfTheDeployModule() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../deploy/kibana"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ndjson")).sorted())
                    .containsExactlyElementsOf(KibanaCommand.BUNDLED);
        }
        for (String name : KibanaCommand.BUNDLED) {
            assertThat(KibanaCommand.class.getResource("/dev/newsroom/deploy/kibana/" + name)).as(name).isNotNull();
        }
    }

    /** A loopback HTTP server that answers every request with {@link Answer} and keeps what it received. */
    private static final class FakeKibana implements AutoCloseable {
        record Request(String method, String path, String query, Map<String, String> headers, String body) {
            /** The file part's content, between the part headers and the closing boundary. */
            String ndjson() {
                int start = body.indexOf("\r\n\r\n") + 4;
                int end = body.lastIndexOf("\r\n--");
                return body.substring(start, end);
            }

            String fileName() {
                int at = body.indexOf("filename=\"") + "filename=\"".length();
                return body.substring(at, body.indexOf('"', at));
            }
        }

        record Reply(int status, String json) {}

        interface Answer extends Function<Request, Reply> {
            default Reply reply(Request request) {
                return apply(request);
            }
        }

        private final HttpServer server;
        private final List<Request> requests = new CopyOnWriteArrayList<>();

        private FakeKibana(HttpServer server) {
            this.server = server;
        }

        static FakeKibana start(Answer answer) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeKibana fake = new FakeKibana(server);
            server.createContext("/", exchange -> {
                Map<String, String> headers = new java.util.TreeMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
                Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getQuery(), headers,
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                fake.requests.add(request);
                Reply reply = answer.reply(request);
                byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return fake;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<Request> requests() {
            return requests;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
