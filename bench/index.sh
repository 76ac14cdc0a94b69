#!/usr/bin/env bash
# The repository-wide code index on every Java file of a repository's HEAD (or of a directory):
# cold (empty facts cache), warm (the cache the cold run filled), and as baseline, in the same
# run, the JDK's javac parser reading and parsing the same files only, in the same batches on the
# same number of threads. Each measurement is a fresh JVM; times are measured inside it, from the
# tree listing to the last fact, without JVM start-up. Each measured run follows an unmeasured run
# of the same command: on a virtual machine, memory that no process touched lately costs far more
# to fault in (a cold index with the launcher's options spent 2.4 s in the kernel after javac's
# parse with the JVM's defaults, 0.9 s after another index), so a run would otherwise pay for
# what ran before it.
#
#   bench/index.sh REPO_OR_DIR [RUNS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"
input=${1:?usage: bench/index.sh REPO_OR_DIR [RUNS]}
runs=${2:-3}

cd "$here/.."
mvn -B -q -Dstyle.color=never -Dspotless.check.skip=true test-compile
cpfile=$(mktemp)
cache=$(mktemp -d)
trap 'rm -rf "$cache" "$cache.classes" "$cpfile"' EXIT
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null
# A copy of the classes, so another build in this checkout cannot pull them away mid-run.
cp -r target/classes target/test-classes "$cache.classes/" 2>/dev/null || { mkdir -p "$cache.classes" && cp -r target/classes target/test-classes "$cache.classes/"; }
cp="$cache.classes/test-classes:$cache.classes/classes:$(cat "$cpfile")"
bench() { java -cp "$cp" dev.scrutineer.analysis.reach.index.IndexBench "$@"; }
# Runs a command twice, the second time measured: with an empty cache both times for a cold index.
twice() {
  rm -rf "${cache:?}"/*
  "$@" >/dev/null
  rm -rf "${cache:?}"/*
  "$@"
}
# The JVM options the launcher runs an analysis with (the quick compiler only, a young generation
# that holds the run): the index as a cold `analyze` builds it. javac's parse gets the same ones.
mapfile -t launcher < <(SCRUTINEER_PRINT_JVM_OPTIONS=1 "$here/../scrutineer" analyze)
quick() { java "${launcher[@]}" -cp "$cp" dev.scrutineer.analysis.reach.index.IndexBench "$@"; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), default max heap $(java -XX:+PrintFlagsFinal -version 2>/dev/null | awk '/ MaxHeapSize /{printf "%d MB", $4/1048576}')"
echo "input: $input"
# The seconds a line of IndexBench reports: "index: 9247 files, 9.22 s, ..." or "... 5.61 s, ...".
seconds() { grep -oE '[0-9.]+ s,' | head -1 | cut -d' ' -f1; }
echo "launcher's JVM options: ${launcher[*]}"
cold=() warm=() javac=() quick_cold=() quick_javac=()
for run in $(seq 1 "$runs"); do
  echo "run $run"
  line=$(twice bench index "$input" "$cache"); echo "  cold  $line"; cold+=("$(seconds <<<"$line")")
  line=$(bench index "$input" "$cache"); echo "  warm  $line"; warm+=("$(seconds <<<"$line")")
  bench parse "$input" >/dev/null
  line=$(bench parse "$input"); echo "  javac $line"; javac+=("$(seconds <<<"$line")")
  line=$(twice quick index "$input" "$cache"); echo "  cold, launcher's options   $line"
  quick_cold+=("$(seconds <<<"$line")")
  quick parse "$input" >/dev/null
  line=$(quick parse "$input"); echo "  javac, launcher's options  $line"
  quick_javac+=("$(seconds <<<"$line")")
done
echo "cache: $(du -sh "$cache" | cut -f1) in $cache/facts.db (after the last run)"
medians "cold index against javac" "cold index" "javac parse-only" "${cold[*]}" "${javac[*]}"
printf '%-32s median %7.3f s   runs: %s\n' "warm index" "$(printf '%s\n' "${warm[@]}" | median)" "${warm[*]}"
echo "with the launcher's JVM options, for both:"
medians "cold index against javac" "cold index" "javac parse-only" "${quick_cold[*]}" "${quick_javac[*]}"
