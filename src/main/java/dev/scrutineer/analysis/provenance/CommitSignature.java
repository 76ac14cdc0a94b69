package dev.scrutineer.analysis.provenance;

import dev.scrutineer.model.Commit;
import java.util.List;

/** One family of signals read from a commit: its trailers, its message, its identities. */
interface CommitSignature {
  /** Every signal of this family in the commit, in the order they appear. */
  List<Hit> find(Commit commit);
}
