package dev.scrutineer.analysis.provenance;

import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.FileMode;
import dev.scrutineer.model.Person;
import dev.scrutineer.model.PullRequest;
import dev.scrutineer.model.Revision;
import dev.scrutineer.model.Trailer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds model records for provenance tests, parsing trailers the way ingest does. */
final class Fixtures {
  static final Person ADA = new Person("Ada Lovelace", "ada@example.org");
  static final Person GRACE = new Person("Grace Hopper", "grace@example.org");
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private static final AtomicInteger IDS = new AtomicInteger();
  private static final Pattern TRAILER = Pattern.compile("^([A-Za-z0-9-]+):\\s*(\\S.*)$");

  private Fixtures() {}

  static CommitBuilder commit(String message) {
    return new CommitBuilder(message);
  }

  static Person person(String ident) {
    int lt = ident.indexOf('<');
    return new Person(
        ident.substring(0, lt).strip(), ident.substring(lt + 1, ident.indexOf('>', lt)).strip());
  }

  static ChangeSet change(Commit... commits) {
    return change(Arrays.asList(commits), List.of());
  }

  static ChangeSet change(List<Commit> commits, List<FileChange> files) {
    return new ChangeSet(
        new Revision("main", "b".repeat(40)),
        new Revision("main", "b".repeat(40)),
        new Revision(
            "HEAD", commits.isEmpty() ? "h".repeat(40) : commits.get(commits.size() - 1).id()),
        commits,
        files,
        List.of());
  }

  static FileChange file(ChangeType type, String path) {
    Optional<String> old = type == ChangeType.ADDED ? Optional.empty() : Optional.of(path);
    Optional<String> now = type == ChangeType.DELETED ? Optional.empty() : Optional.of(path);
    return new FileChange(
        type,
        old,
        now,
        old.isEmpty() ? FileMode.MISSING : FileMode.REGULAR,
        now.isEmpty() ? FileMode.MISSING : FileMode.REGULAR,
        Optional.empty(),
        Optional.empty(),
        0,
        Content.TEXT,
        false,
        Optional.empty(),
        List.of(),
        1,
        0);
  }

  static PullRequestBuilder pr() {
    return new PullRequestBuilder();
  }

  /** The trailers of the message's last paragraph, when every line of it is one. */
  static List<Trailer> trailers(String message) {
    String[] paragraphs = message.strip().split("\\R\\s*\\R");
    if (paragraphs.length < 2) {
      return List.of();
    }
    List<Trailer> trailers = new ArrayList<>();
    for (String line : paragraphs[paragraphs.length - 1].split("\\R")) {
      Matcher m = TRAILER.matcher(line.strip());
      if (!m.matches()) {
        return List.of();
      }
      trailers.add(new Trailer(m.group(1), m.group(2).strip()));
    }
    return trailers;
  }

  static final class CommitBuilder {
    private final String message;
    private String id = String.format("%040x", IDS.incrementAndGet());
    private List<String> parents = List.of("p".repeat(40));
    private Person author = ADA;
    private Person committer;
    private Instant at = T0;
    private int added = 10;
    private int deleted = 2;

    private CommitBuilder(String message) {
      this.message = message;
    }

    CommitBuilder id(String id) {
      this.id = id;
      return this;
    }

    CommitBuilder author(Person author) {
      this.author = author;
      return this;
    }

    CommitBuilder author(String ident) {
      return author(person(ident));
    }

    CommitBuilder committer(String ident) {
      this.committer = person(ident);
      return this;
    }

    CommitBuilder at(Instant at) {
      this.at = at;
      return this;
    }

    CommitBuilder minutesAfterStart(long minutes) {
      return at(T0.plus(Duration.ofMinutes(minutes)));
    }

    CommitBuilder lines(int added, int deleted) {
      this.added = added;
      this.deleted = deleted;
      return this;
    }

    CommitBuilder merge() {
      this.parents = List.of("p".repeat(40), "q".repeat(40));
      return this;
    }

    Commit build() {
      return new Commit(
          id,
          parents,
          author,
          at,
          committer == null ? author : committer,
          at,
          message,
          trailers(message),
          added,
          deleted);
    }
  }

  static final class PullRequestBuilder {
    private String title = "Fix the login form";
    private String body = "";
    private List<String> labels = List.of();
    private String login = "ada";
    private String type = "User";
    private Optional<String> headRef = Optional.of("fix-login");

    PullRequestBuilder title(String title) {
      this.title = title;
      return this;
    }

    PullRequestBuilder body(String body) {
      this.body = body;
      return this;
    }

    PullRequestBuilder labels(String... labels) {
      this.labels = List.of(labels);
      return this;
    }

    PullRequestBuilder author(String login, String type) {
      this.login = login;
      this.type = type;
      return this;
    }

    PullRequestBuilder branch(String headRef) {
      this.headRef = Optional.of(headRef);
      return this;
    }

    PullRequest build() {
      return new PullRequest(Optional.of(42), title, body, labels, login, type, headRef);
    }
  }
}
