package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.FileMode;
import dev.scrutineer.model.Hunk;
import dev.scrutineer.model.Revision;
import dev.scrutineer.model.SourceTree;
import java.util.List;
import java.util.Optional;

/** Changes and analyses for the tests. */
final class Fixtures {
  private Fixtures() {}

  static ChangeSet change(FileChange... files) {
    Revision base = new Revision("main", "a".repeat(40));
    Revision head = new Revision("HEAD", "b".repeat(40));
    return new ChangeSet(base, base, head, List.of(), List.of(files), List.of());
  }

  static FileChange modified(String path, Hunk... hunks) {
    int added = 0;
    int deleted = 0;
    for (Hunk hunk : hunks) {
      added += hunk.newCount();
      deleted += hunk.oldCount();
    }
    return new FileChange(
        ChangeType.MODIFIED,
        Optional.of(path),
        Optional.of(path),
        FileMode.REGULAR,
        FileMode.REGULAR,
        Optional.of("1".repeat(40)),
        Optional.of("2".repeat(40)),
        0,
        Content.TEXT,
        false,
        Optional.empty(),
        List.of(hunks),
        added,
        deleted);
  }

  static FrameworkFacts analyze(FileFacts... files) {
    return FrameworkFacts.analyze(List.of(files), SourceTree.EMPTY, change());
  }
}
