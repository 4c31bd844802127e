package com.mocktrading.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code java -cp ... com.mocktrading.probe.HttpProbe URL}: exits 0 when {@code URL} answers 2xx within 3 s, 1
 * otherwise, saying why. It is the healthcheck of the project's containers (docker-compose), whose images have a
 * JRE and nothing else; Kubernetes probes the same URLs itself.
 */
public final class HttpProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private HttpProbe() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: HttpProbe URL");
            System.exit(2);
        }
        String problem = problem(URI.create(args[0]), TIMEOUT);
        if (problem != null) {
            System.err.println(problem);
            System.exit(1);
        }
    }

    /** Why {@code url} is not healthy, or null if it answered 2xx within {@code timeout}. */
    static String problem(URI url, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(url).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : url + " answered " + response.statusCode();
        } catch (IOException e) {
            return url + " did not answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return url + " was not probed: interrupted";
        }
    }
}
