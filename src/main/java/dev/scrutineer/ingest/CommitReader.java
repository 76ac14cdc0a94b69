package dev.scrutineer.ingest;

import dev.scrutineer.model.Commit;
import dev.scrutineer.model.Person;
import dev.scrutineer.model.Trailer;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;

/** Turns JGit commits into model commits, each with the size of its own diff. */
final class CommitReader {
  private final RevWalk walk;
  private final TreeDiff diff;

  CommitReader(RevWalk walk, TreeDiff diff) {
    this.walk = walk;
    this.diff = diff;
  }

  Commit read(RevCommit commit, boolean measure) throws IOException {
    int[] lines = measure ? lineCounts(commit) : new int[] {-1, -1};
    return new Commit(
        commit.name(),
        Arrays.stream(commit.getParents()).map(RevCommit::name).toList(),
        person(commit.getAuthorIdent()),
        commit.getAuthorIdent().getWhenAsInstant(),
        person(commit.getCommitterIdent()),
        commit.getCommitterIdent().getWhenAsInstant(),
        commit.getFullMessage(),
        trailers(commit),
        lines[0],
        lines[1]);
  }

  private int[] lineCounts(RevCommit commit) throws IOException {
    var reader = walk.getObjectReader();
    CanonicalTreeParser newTree = new CanonicalTreeParser(null, reader, commit.getTree());
    if (commit.getParentCount() == 0) {
      return diff.lineCounts(new EmptyTreeIterator(), newTree);
    }
    RevCommit parent = walk.parseCommit(commit.getParent(0));
    return diff.lineCounts(new CanonicalTreeParser(null, reader, parent.getTree()), newTree);
  }

  private static List<Trailer> trailers(RevCommit commit) {
    return commit.getFooterLines().stream()
        .map(f -> new Trailer(f.getKey(), f.getValue().strip()))
        .toList();
  }

  private static Person person(PersonIdent ident) {
    return new Person(ident.getName(), ident.getEmailAddress());
  }
}
