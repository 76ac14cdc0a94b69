package dev.scrutineer.demo;

import dev.scrutineer.ingest.RepositoryWriter;
import dev.scrutineer.model.Person;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes the sample service's history: one human commit on {@code main}, then a feature branch of
 * two commits made with an AI assistant, plus the pull request's JSON. Times and identities are
 * fixed, so the same bytes (and commit ids) come out on every machine.
 *
 * @param repository the sample repository, with the feature branch checked out
 * @param pullRequestJson the pull request as GitHub's API would return it
 */
public record SampleChange(Path repository, Path pullRequestJson) {
  public static final String BASE_BRANCH = "main";

  private static final Person PRIYA = new Person("Priya Raman", "priya@shop.example");
  private static final Person DANA = new Person("Dana Kim", "dana@shop.example");
  private static final String RESOURCES = "/dev/scrutineer/demo/";

  /** Writes the sample into {@code directory}, which must be empty or absent. */
  public static SampleChange writeTo(Path directory) {
    Path repository = directory.resolve("shop-orders");
    try (RepositoryWriter repo = RepositoryWriter.init(repository, BASE_BRANCH)) {
      overlay(repo, "v1");
      repo.commit(
          "Orders service: place and look up orders\n",
          PRIYA,
          Instant.parse("2026-03-02T09:14:00Z"));
      repo.switchToNewBranch("feature/order-search");
      overlay(repo, "v2");
      repo.commit(
          """
          Add order search by customer

          Support looking up a customer's orders without an order id, for the
          support desk's new screen.

          🤖 Generated with [Claude Code](https://claude.com/claude-code)

          Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>
          """,
          DANA,
          Instant.parse("2026-03-09T14:02:00Z"));
      overlay(repo, "v3");
      repo.commit(
          """
          Test order search

          Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>
          """,
          DANA,
          Instant.parse("2026-03-09T14:05:00Z"));
    }
    Path pullRequest = directory.resolve("pull-request.json");
    try {
      Files.writeString(pullRequest, resource("pull-request.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SampleChange(repository, pullRequest);
  }

  private static void overlay(RepositoryWriter repo, String version) {
    List<String> paths = resource(version + ".files").lines().filter(l -> !l.isBlank()).toList();
    for (String path : paths) {
      repo.write(path, resource(version + "/" + path));
    }
  }

  private static String resource(String name) {
    try (InputStream in = SampleChange.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("demo resource missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
