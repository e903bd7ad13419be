package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tradebook serve}: migrates an H2 file, creates its secret files, serves, and stops cleanly. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void serveMigratesCreatesTheSecretFilesAndAnswers() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ServeCommand serve = new ServeCommand();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(serve);
        cli.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--port", Integer.toString(port),
                "--host", "127.0.0.1", "--data-dir", dir.resolve("secrets").toString(),
                "--db-url", "jdbc:h2:file:" + dir.resolve("db/tradebook")));
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> exit.isDone() || out.toString().contains("serving on"));
            assertThat(exit.isDone()).as("still running").isFalse();
            HttpResponse<String> up = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).contains("\"database\":\"UP\"");
            assertThat(out.toString()).contains("strategies: 7 in the catalog (7 registered, 0 updated)");
            for (String secret : new String[] {"master-key.json", "jwt-secret"}) {
                Path file = dir.resolve("secrets").resolve(secret);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
        } finally {
            serve.stop();
        }
        assertThat(exit.get()).isZero();
    }

    @Test
    void aBadPortOrSettingIsAClearErrorWithExitCode2() {
        CliRun badPort = CliRun.of("serve", "--port", "70000");
        assertThat(badPort.exitCode()).isEqualTo(2);
        assertThat(badPort.err()).contains("--port must be within 0…65535");
    }
}
