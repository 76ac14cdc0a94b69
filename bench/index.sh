#!/usr/bin/env bash
# The repository-wide code index on every Java file of a repository's HEAD (or of a directory):
# cold (empty facts cache), warm (the cache the cold run filled), and as baseline, in the same
# run, the JDK's javac parser reading and parsing the same files only, in the same batches on the
# same number of threads. Each measurement is a fresh JVM; times are measured inside it, from the
# tree listing to the last fact, without JVM start-up.
#
#   bench/index.sh REPO_OR_DIR [RUNS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
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

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), default max heap $(java -XX:+PrintFlagsFinal -version 2>/dev/null | awk '/ MaxHeapSize /{printf "%d MB", $4/1048576}')"
echo "input: $input"
for run in $(seq 1 "$runs"); do
  rm -rf "${cache:?}"/*
  echo "run $run"
  echo -n "  cold  "; bench index "$input" "$cache"
  echo -n "  warm  "; bench index "$input" "$cache"
  echo -n "  javac "; bench parse "$input"
done
echo "cache: $(du -sh "$cache" | cut -f1) in $cache/facts.db (after the last run)"
