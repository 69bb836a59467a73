package org.undersigned.bench;

import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * For the benchmark harness only: serves files from a directory at /bench-static/, through the
 * same HTTP server as the application, so a page and a static file of the same size can be
 * compared in one run. Not part of the application: only a build with the {@code bench} Maven
 * profile ({@code bench/lib.sh}) compiles it in, and even then it is off unless
 * undersigned.bench.static-dir is set.
 */
@ApplicationScoped
public class BenchStatic {

    @ConfigProperty(name = "undersigned.bench.static-dir")
    Optional<String> directory;

    void routes(@Observes Router router) {
        directory.ifPresent(dir -> {
            Log.warnf("Benchmark mode: serving %s at /bench-static/", dir);
            router.route("/bench-static/*").handler(StaticHandler.create(FileSystemAccess.ROOT, dir)
                    .setCachingEnabled(true).setSendVaryHeader(false).setFilesReadOnly(true));
        });
    }
}
