package dev.scrutineer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.model.InputException;
import dev.scrutineer.model.PullRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullRequestReaderTest {
  /** A trimmed but faithful {@code GET /repos/O/R/pulls/N} response. */
  private static final String REST_PAYLOAD =
      """
      {
        "url": "https://api.github.com/repos/acme/shop/pulls/1347",
        "id": 2210987654,
        "node_id": "PR_kwDOABCD1234",
        "html_url": "https://github.com/acme/shop/pull/1347",
        "number": 1347,
        "state": "open",
        "locked": false,
        "title": "Fix session expiry in login flow",
        "user": {
          "login": "octocat",
          "id": 583231,
          "node_id": "MDQ6VXNlcjU4MzIzMQ==",
          "type": "User",
          "site_admin": false
        },
        "body": "Sessions were kept after logout.\\r\\n\\r\\n- [x] I used AI assistance (Claude Code)\\r\\n",
        "created_at": "2025-05-01T10:00:00Z",
        "updated_at": "2025-05-01T11:30:00Z",
        "closed_at": null,
        "merged_at": null,
        "assignee": null,
        "assignees": [],
        "requested_reviewers": [],
        "labels": [
          {
            "id": 208045946,
            "node_id": "MDU6TGFiZWwyMDgwNDU5NDY=",
            "url": "https://api.github.com/repos/acme/shop/labels/bug",
            "name": "bug",
            "description": "Something isn't working",
            "color": "f29513",
            "default": true
          },
          {
            "id": 208045947,
            "name": "ai-assisted",
            "color": "a2eeef",
            "default": false
          }
        ],
        "milestone": null,
        "draft": false,
        "head": {
          "label": "octocat:fix/session-expiry",
          "ref": "fix/session-expiry",
          "sha": "6dcb09b5b57875f334f61aebed695e2e4193db5e",
          "user": { "login": "octocat", "type": "User" },
          "repo": { "id": 1296269, "full_name": "octocat/shop" }
        },
        "base": {
          "label": "acme:main",
          "ref": "main",
          "sha": "9049f1265b7d61be4a8904a9a27120d2064dab3b"
        },
        "author_association": "CONTRIBUTOR",
        "merged": false,
        "mergeable": true,
        "comments": 3,
        "commits": 2,
        "additions": 40,
        "deletions": 7,
        "changed_files": 3
      }
      """;

  @TempDir Path temp;

  @Test
  void readsTheEvidenceFromARestPayload() throws IOException {
    Path file = temp.resolve("pr.json");
    Files.writeString(file, REST_PAYLOAD);

    PullRequest pr = PullRequestReader.read(file);

    assertThat(pr)
        .isEqualTo(
            new PullRequest(
                Optional.of(1347),
                "Fix session expiry in login flow",
                "Sessions were kept after logout.\r\n\r\n- [x] I used AI assistance (Claude Code)\r\n",
                List.of("bug", "ai-assisted"),
                "octocat",
                "User",
                Optional.of("fix/session-expiry")));
    assertThat(pr.authoredByBot()).isFalse();
  }

  @Test
  void readsThePullRequestOfAWebhookEvent() {
    String event =
        """
        {
          "action": "opened",
          "number": 77,
          "pull_request": {
            "number": 77,
            "title": "Update dependencies",
            "body": "Automated update.",
            "labels": [{"name": "dependencies"}, {"name": "automerge"}],
            "user": {"login": "renovate[bot]", "type": "Bot"},
            "head": {"ref": "renovate/all-minor-patch"}
          },
          "repository": {"full_name": "acme/shop"},
          "sender": {"login": "renovate[bot]", "type": "Bot"}
        }
        """;

    PullRequest pr = PullRequestReader.parse(event, "event.json");

    assertThat(pr.number()).contains(77);
    assertThat(pr.title()).isEqualTo("Update dependencies");
    assertThat(pr.labels()).containsExactly("dependencies", "automerge");
    assertThat(pr.authorLogin()).isEqualTo("renovate[bot]");
    assertThat(pr.authoredByBot()).isTrue();
    assertThat(pr.headRef()).contains("renovate/all-minor-patch");
  }

  @Test
  void labelsMayBePlainStringsAndNamelessOnesAreDropped() {
    String json =
        """
        {"title": "t", "user": {"login": "u"},
         "labels": ["needs-review", {"name": "ai-generated"}, {"color": "fff"}, {"name": ""}]}
        """;

    PullRequest pr = PullRequestReader.parse(json, "pr.json");

    assertThat(pr.labels()).containsExactly("needs-review", "ai-generated");
  }

  @Test
  void nullOrMissingFieldsReadAsEmpty() {
    String json =
        """
        {"title": "No description", "body": null, "user": {"login": "dev"}, "labels": null}
        """;

    PullRequest pr = PullRequestReader.parse(json, "pr.json");

    assertThat(pr.body()).isEmpty();
    assertThat(pr.labels()).isEmpty();
    assertThat(pr.number()).isEmpty();
    assertThat(pr.headRef()).isEmpty();
    assertThat(pr.authorType()).isEqualTo("User");
    assertThat(PullRequestReader.parse("{\"title\": \"only a title\"}", "pr.json").body())
        .isEmpty();
  }

  @Test
  void invalidJsonIsAnInputErrorWithTheLineNumber() {
    String broken =
        """
        {
          "title": "Fix",
          "body": "unterminated,
          "user": {"login": "dev"}
        }
        """;

    assertThatThrownBy(() -> PullRequestReader.parse(broken, "pr.json"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("pr.json:3: not valid JSON")
        .hasMessageContaining("GET /repos/OWNER/REPO/pulls/NUMBER");
  }

  @Test
  void jsonThatIsNotAnObjectIsAnInputError() {
    for (String json : List.of("[1, 2, 3]", "\"a pull request\"", "42", "null", "")) {
      assertThatThrownBy(() -> PullRequestReader.parse(json, "pr.json"))
          .as("input %s", json)
          .isInstanceOf(InputException.class)
          .hasMessageContaining("pr.json")
          .hasMessageContaining("expected a JSON object");
    }
  }

  @Test
  void objectThatIsNotAPullRequestIsAnInputError() {
    assertThatThrownBy(
            () -> PullRequestReader.parse("{\"name\": \"shop\", \"stars\": 3}", "repo.json"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("repo.json")
        .hasMessageContaining("no title or user field");
  }

  @Test
  void missingFileIsAnInputError() {
    Path missing = temp.resolve("nope.json");

    assertThatThrownBy(() -> PullRequestReader.read(missing))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("nope.json: no such file")
        .hasMessageContaining("--pr-json");
  }
}
