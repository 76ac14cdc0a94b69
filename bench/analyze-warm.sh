#!/usr/bin/env bash
# Warm `scrutineer analyze` on a small change: the facts cache is filled by one cold run, then the
# same change is analysed RUNS times. Baseline in the same run: `git diff --numstat -M` of the
# change, which reads the same blobs.
#
#   bench/analyze-warm.sh REPO [FILES] [RUNS]
#
# The change is HEAD~N..HEAD with N the smallest number of first-parent commits that changes at
# least FILES files (default 10). The cache lives in a temporary directory, removed afterwards.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"
repo=${1:?usage: bench/analyze-warm.sh REPO [FILES] [RUNS]}
want=${2:-10}
runs=${3:-5}

jar="$here/../target/scrutineer.jar"
[ -f "$jar" ] || (cd "$here/.." && mvn -B -q -Dstyle.color=never -DskipTests -Dspotless.check.skip=true package)

n=1
until [ "$(git -C "$repo" diff --name-only -M "HEAD~$n" HEAD | wc -l)" -ge "$want" ]; do
  n=$((n + 1))
done
base=$(git -C "$repo" rev-parse "HEAD~$n")
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "change: HEAD~$n..HEAD of $repo: $(git -C "$repo" diff --shortstat -M "$base" HEAD)"
cold=$(time_once env SCRUTINEER_CACHE="$cache" java -jar "$jar" analyze --repo "$repo" --base "$base" --format json)
echo "cold analyze (empty cache, whole JVM): $cold s"
CMD_A=(env SCRUTINEER_CACHE="$cache" java -jar "$jar" analyze --repo "$repo" --base "$base" --format json)
CMD_B=(git -C "$repo" diff --numstat -M "$base" HEAD)
compare "$runs" "warm analyze (whole JVM)" "git diff --numstat -M"
