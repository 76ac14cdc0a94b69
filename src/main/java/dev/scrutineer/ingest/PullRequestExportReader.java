package dev.scrutineer.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.MergedChange;
import dev.scrutineer.model.Person;
import dev.scrutineer.model.Review;
import dev.scrutineer.model.Trailer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.revwalk.FooterLine;

/**
 * Reads an export of merged pull requests: a JSON array of GitHub pull objects, each with its
 * {@code reviews} and {@code commits} as GitHub's API lists them, and inline review comments as a
 * {@code review_comments} count or a {@code comments} array. Pull requests that were closed without
 * merging are skipped.
 */
public final class PullRequestExportReader {
  private static final String HOW =
      "export merged pull requests as described under 'audit' in the README";

  private PullRequestExportReader() {}

  public static List<MergedChange> read(Path file) {
    return parse(JsonInput.read(file, "pass --prs with a pull-request export"), file.toString());
  }

  static List<MergedChange> parse(String json, String name) {
    JsonNode root = JsonInput.parse(json, name, HOW);
    if (!root.isArray()) {
      throw new InputException(name + ": expected a JSON array of pull requests; " + HOW);
    }
    List<MergedChange> changes = new ArrayList<>();
    int index = 0;
    for (JsonNode pr : root) {
      String where = name + ": pull request [" + index++ + "]";
      if (!pr.isObject()) {
        throw new InputException(where + " is not an object; " + HOW);
      }
      if (pr.path("merged_at").isTextual()) {
        changes.add(change(pr, where));
      }
    }
    return changes;
  }

  private static MergedChange change(JsonNode pr, String where) {
    JsonNode number = pr.path("number");
    Instant merged = instant(pr, "merged_at", where);
    return new MergedChange(
        number.canConvertToInt() ? Optional.of(number.asInt()) : Optional.empty(),
        pr.path("title").asText(""),
        pr.path("user").path("login").asText(""),
        pr.path("created_at").isTextual() ? instant(pr, "created_at", where) : merged,
        merged,
        text(pr.path("merge_commit_sha")),
        Optional.empty(),
        pr.path("additions").asInt(-1),
        pr.path("deletions").asInt(-1),
        pr.path("changed_files").asInt(0),
        pr.has("reviews") ? Optional.of(reviews(pr.path("reviews"), where)) : Optional.empty(),
        comments(pr),
        commits(pr.path("commits"), where),
        Optional.of(PullRequestReader.fromNode(pr)));
  }

  private static Optional<Integer> comments(JsonNode pr) {
    if (pr.path("review_comments").canConvertToInt()) {
      return Optional.of(pr.path("review_comments").asInt());
    }
    if (pr.path("comments").isArray()) {
      return Optional.of(pr.path("comments").size());
    }
    return Optional.empty();
  }

  private static List<Review> reviews(JsonNode reviews, String where) {
    List<Review> found = new ArrayList<>();
    for (JsonNode review : reviews) {
      // A pending review has not been submitted and does not count.
      if (review.path("submitted_at").isTextual()) {
        found.add(ReviewsReader.review(review, where + " review " + (found.size() + 1)));
      }
    }
    return found;
  }

  private static List<Commit> commits(JsonNode commits, String where) {
    List<Commit> found = new ArrayList<>();
    for (JsonNode node : commits) {
      JsonNode commit = node.path("commit");
      String message = commit.path("message").asText("");
      List<String> parents = new ArrayList<>();
      node.path("parents").forEach(p -> parents.add(p.path("sha").asText("")));
      found.add(
          new Commit(
              node.path("sha").asText(""),
              parents,
              person(commit.path("author")),
              instant(commit.path("author"), "date", where + " commit"),
              person(commit.path("committer")),
              commit.path("committer").path("date").isTextual()
                  ? instant(commit.path("committer"), "date", where + " commit")
                  : instant(commit.path("author"), "date", where + " commit"),
              message,
              FooterLine.fromMessage(message).stream()
                  .map(f -> new Trailer(f.getKey(), f.getValue().strip()))
                  .toList(),
              -1,
              -1));
    }
    return found;
  }

  private static Person person(JsonNode node) {
    return new Person(node.path("name").asText(""), node.path("email").asText(""));
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty()
        ? Optional.of(node.asText())
        : Optional.empty();
  }

  private static Instant instant(JsonNode node, String field, String where) {
    String value = node.path(field).asText("");
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InputException(
          where
              + ": "
              + field
              + " is '"
              + value
              + "', not an ISO-8601 time like 2026-03-09T14:02:00Z");
    }
  }
}
