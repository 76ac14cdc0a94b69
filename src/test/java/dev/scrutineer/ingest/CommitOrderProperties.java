package dev.scrutineer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Commits come in the order JGit's topological sort gives them, reversed, for random histories with
 * branches, merges and clocks that disagree with the parent order.
 */
class CommitOrderProperties {
  /** One commit of a random history: its parents (earlier commits) and its commit time. */
  record Spec(List<Integer> parents, int seconds) {}

  @Property(tries = 3000)
  void parentsFirstIsJGitsTopologicalOrderReversed(
      @ForAll("histories") List<Spec> history, @ForAll("picks") int[] picks) throws IOException {
    assertSameOrderAsJGit(history, picks);
  }

  /**
   * A merge whose parents come out of a plain walk in another order than their commit times: JGit
   * hands out the ready commit with the newest commit time, not the one the walk met first.
   */
  @Example
  void readyCommitsGoNewestFirstByCommitTime() throws IOException {
    assertSameOrderAsJGit(
        List.of(
            new Spec(List.of(), 0),
            new Spec(List.of(), 10),
            new Spec(List.of(0, 1), -5),
            new Spec(List.of(), 30),
            new Spec(List.of(0, 3, 2), 40)),
        new int[] {4, 3});
  }

  private static void assertSameOrderAsJGit(List<Spec> history, int[] picks) throws IOException {
    try (InMemoryRepository repository =
            new InMemoryRepository(new DfsRepositoryDescription("order"));
        ObjectInserter inserter = repository.newObjectInserter()) {
      ObjectId tree = inserter.insert(new TreeFormatter());
      List<ObjectId> ids = new ArrayList<>();
      for (Spec spec : history) {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        PersonIdent who =
            new PersonIdent(
                "A",
                "a@example.com",
                Instant.ofEpochSecond(1_700_000_000L + spec.seconds()),
                ZoneOffset.UTC);
        commit.setAuthor(who);
        commit.setCommitter(who);
        commit.setMessage("c" + ids.size());
        commit.setParentIds(spec.parents().stream().map(ids::get).toList());
        ids.add(inserter.insert(commit));
      }
      inserter.flush();
      ObjectId head = ids.get(Math.floorMod(picks[0], ids.size()));
      ObjectId base = ids.get(Math.floorMod(picks[1], ids.size()));

      List<RevCommit> expected = new ArrayList<>();
      try (RevWalk walk = new RevWalk(repository)) {
        walk.sort(RevSort.TOPO, true);
        walk.sort(RevSort.REVERSE, true);
        walk.markStart(walk.parseCommit(head));
        walk.markUninteresting(walk.parseCommit(base));
        walk.forEach(expected::add);
      }
      List<RevCommit> plain = new ArrayList<>();
      try (RevWalk walk = new RevWalk(repository)) {
        walk.markStart(walk.parseCommit(head));
        walk.markUninteresting(walk.parseCommit(base));
        walk.forEach(plain::add);
      }

      assertThat(CommitOrder.parentsFirst(plain))
          .extracting(RevCommit::name)
          .containsExactlyElementsOf(expected.stream().map(RevCommit::name).toList());
    }
  }

  @Provide
  Arbitrary<List<Spec>> histories() {
    return Arbitraries.integers()
        .between(1, 14)
        .flatMap(
            size -> {
              List<Arbitrary<Spec>> specs = new ArrayList<>();
              for (int i = 0; i < size; i++) {
                int earlier = i;
                Arbitrary<List<Integer>> parents =
                    earlier == 0
                        ? Arbitraries.just(List.of())
                        : Arbitraries.integers()
                            .between(0, earlier - 1)
                            .list()
                            .ofMinSize(0)
                            .ofMaxSize(3)
                            .uniqueElements();
                specs.add(
                    parents.flatMap(
                        p ->
                            Arbitraries.integers()
                                .between(0, 20)
                                .map(skew -> new Spec(p, earlier * 10 - skew * skew % 37))));
              }
              return Combinators.combine(specs).as(List::copyOf);
            });
  }

  @Provide
  Arbitrary<int[]> picks() {
    return Arbitraries.integers().between(0, 100).array(int[].class).ofSize(2);
  }
}
