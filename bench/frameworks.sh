#!/usr/bin/env bash
# The framework rules (FrameworkFacts.analyze: entry points, tests, indirect edges, config keys,
# modules) on the head of BASE..HEAD of a repository, RUNS times in one JVM with the launcher's
# quick JIT tier, after indexing the head with the facts cache (filled by a first run when empty).
# Prints the first run's and the later runs' median wall and CPU times; baseline, in the same JVM:
# one walk over every fact the rules read. With a REV, the same is measured on that revision's
# rules (built in a temporary directory) for a before/after ratio, and both write every fact they
# find to a file, compared as sets of lines (class-literal edges follow the order of a salted
# Map.copyOf) and line by line without those edges.
#
#   bench/frameworks.sh REPO [BASE] [RUNS] [REV]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo=${1:?usage: bench/frameworks.sh REPO [BASE] [RUNS] [REV]}
base=${2:-HEAD~2}
runs=${3:-10}
rev=${4:-}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cpfile="$work/cp"

# Compiles the checkout in $1 and prints the class path of its main and test classes.
classes() {
  (cd "$1" && mvn -B -q -Dstyle.color=never -Dspotless.check.skip=true test-compile \
    && mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$cpfile") >&2
  mkdir -p "$2"
  # A copy of the classes, so another build in that checkout cannot pull them away mid-run.
  cp -r "$1/target/classes" "$1/target/test-classes" "$2/"
  echo "$2/test-classes:$2/classes:$(cat "$cpfile")"
}

cd "$here/.."
cp_new=$(classes . "$work/new")
cache="${SCRUTINEER_CACHE:-$work/cache}"
bench() { java -XX:TieredStopAtLevel=1 -cp "$1" dev.scrutineer.analysis.reach.framework.FrameworksBench "$repo" "$cache" "$base" "$runs" "$2"; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load before: $(uptime | sed 's/.*load average: //')"
echo "change: $base..HEAD of $repo"
if [ -n "$rev" ]; then
  git archive --format=tar "$rev" | (mkdir -p "$work/rev" && tar -x -C "$work/rev")
  # The harness as it is here, so that an older revision is measured the same way.
  bench_src=src/test/java/dev/scrutineer/analysis/reach/framework/FrameworksBench.java
  cp "$bench_src" "$work/rev/$bench_src"
  cp_old=$(classes "$work/rev" "$work/old")
  echo -n "$rev: "; bench "$cp_old" "$work/old.facts"
fi
echo -n "this checkout: "; bench "$cp_new" "$work/new.facts"
if [ -n "$rev" ]; then
  if cmp -s <(grep -v 'via=class-literal' "$work/old.facts") <(grep -v 'via=class-literal' "$work/new.facts") \
    && cmp -s <(sort "$work/old.facts") <(sort "$work/new.facts"); then
    echo "facts: identical ($(wc -l <"$work/new.facts") lines)"
  else
    echo "facts: DIFFERENT"
    diff <(sort "$work/old.facts") <(sort "$work/new.facts") | head -20
  fi
fi
echo "load after: $(uptime | sed 's/.*load average: //')"
