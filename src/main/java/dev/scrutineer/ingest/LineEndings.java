package dev.scrutineer.ingest;

import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.FileChange;
import java.io.ByteArrayOutputStream;

/**
 * Work-tree files as git would commit them. A checkout converts LF to CRLF for {@code eol=crlf}
 * attributes or {@code core.autocrlf}, and git's clean filter converts back before comparing;
 * JGit's work-tree iterator does not, so such files would show as rewritten. Converting CRLF to LF
 * when the committed blob has none gives the same answer as git for them.
 */
final class LineEndings {
  private LineEndings() {}

  /** The work-tree bytes, with CRLF turned into LF when the committed version has no CRLF. */
  static byte[] asCommitted(byte[] committed, byte[] workTree) {
    if (hasCrLf(committed) || !hasCrLf(workTree)) {
      return workTree;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(workTree.length);
    for (int i = 0; i < workTree.length; i++) {
      if (workTree[i] != '\r' || i + 1 >= workTree.length || workTree[i + 1] != '\n') {
        out.write(workTree[i]);
      }
    }
    return out.toByteArray();
  }

  /** A modification that, once line endings are normalised, changes nothing at all. */
  static boolean onlyDifference(FileChange change) {
    return change.type() == ChangeType.MODIFIED
        && change.content() == Content.TEXT
        && change.hunks().isEmpty()
        && !change.modeChanged();
  }

  private static boolean hasCrLf(byte[] bytes) {
    for (int i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return true;
      }
    }
    return false;
  }
}
