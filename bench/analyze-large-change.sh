#!/usr/bin/env bash
# How long `scrutineer analyze` takes on a large change, against `git diff --numstat -M` over the
# same range (the same blobs read and diffed by git itself) as the baseline, in the same run.
#
#   bench/analyze-large-change.sh REPO [FILES] [RUNS]
#
# REPO is any git repository (bare works). The change is HEAD~N..HEAD on the first-parent line,
# with N the smallest number of first-parent commits that changes at least FILES files
# (default 1000).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"
repo=${1:?usage: bench/analyze-large-change.sh REPO [FILES] [RUNS]}
want=${2:-1000}
runs=${3:-5}

jar="$here/../target/scrutineer.jar"
[ -f "$jar" ] || (cd "$here/.." && mvn -B -q -Dstyle.color=never -DskipTests -Dspotless.check.skip=true package)

files_since() { git -C "$repo" diff --name-only -M "HEAD~$1" HEAD | wc -l; }
# Double N until the change is large enough, then bisect back to the smallest such N.
lo=0
hi=8
while :; do
  git -C "$repo" rev-parse --verify -q "HEAD~$hi" >/dev/null || {
    echo "history is too short for a $want-file change" >&2
    exit 2
  }
  [ "$(files_since "$hi")" -ge "$want" ] && break
  lo=$hi
  hi=$((hi * 2))
done
while [ $((hi - lo)) -gt 1 ]; do
  mid=$(((lo + hi) / 2))
  if [ "$(files_since "$mid")" -ge "$want" ]; then hi=$mid; else lo=$mid; fi
done
n=$hi
base=$(git -C "$repo" rev-parse "HEAD~$n")
files=$(files_since "$n")
commits=$(git -C "$repo" rev-list --count "$base..HEAD")
lines=$(git -C "$repo" diff --shortstat -M "$base" HEAD)

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "change: HEAD~$n..HEAD of $repo: $files files, $commits commits, $lines"
CMD_A=(java -jar "$jar" analyze --repo "$repo" --base "$base" --head HEAD --format json)
CMD_B=(git -C "$repo" diff --numstat -M "$base" HEAD)
compare "$runs" "scrutineer analyze (whole JVM)" "git diff --numstat -M"
