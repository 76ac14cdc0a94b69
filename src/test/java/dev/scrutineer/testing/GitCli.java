package dev.scrutineer.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs the git command line, as the reference Scrutineer's reading of a repository is checked
 * against. The user's and the system's git configuration are ignored, so a developer's aliases,
 * signing or default branch cannot change a test's outcome.
 */
public final class GitCli {
  private GitCli() {}

  /** Runs {@code git args...} in {@code dir} and returns its standard output, bytes as printed. */
  public static byte[] run(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("GIT_"));
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("LC_ALL", "C");
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<byte[]> stderr =
          CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      byte[] stdout = readAll(process.getInputStream());
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("git " + String.join(" ", args) + " timed out");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "git "
                + String.join(" ", args)
                + " failed with exit code "
                + process.exitValue()
                + ": "
                + new String(stderr.get(), StandardCharsets.UTF_8));
      }
      return stdout;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running git", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading git's error output failed", e);
    }
  }

  /** Runs git and returns its output as UTF-8 text. */
  public static String text(Path dir, String... args) {
    return new String(run(dir, args), StandardCharsets.UTF_8);
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
