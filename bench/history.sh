#!/usr/bin/env bash
# History mining (every commit reachable from REV with its per-file line counts) against, as
# baseline in the same run, `git log --numstat -M` over the same history: cold (empty history
# cache), warm (the cache the cold run filled; the walk is redone and only new commits would be
# diffed), and git with rename detection and without. Times are wall-clock for whole commands,
# JVM start-up included; the miner's own time (from opening the repository to the last commit) is
# printed too.
#
#   bench/history.sh REPO [REV] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"
repo=${1:?usage: bench/history.sh REPO [REV] [RUNS]}
rev=${2:-HEAD}
runs=${3:-3}

cd "$here/.."
mvn -B -q -Dstyle.color=never -Dspotless.check.skip=true test-compile
cpfile=$(mktemp)
cache=$(mktemp -d)
trap 'rm -rf "$cache" "$cache.classes" "$cpfile"' EXIT
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null
# A copy of the classes, so another build in this checkout cannot pull them away mid-run.
mkdir -p "$cache.classes" && cp -r target/classes target/test-classes "$cache.classes/"
cp="$cache.classes/test-classes:$cache.classes/classes:$(cat "$cpfile")"
mine() { java -cp "$cp" dev.scrutineer.ingest.HistoryBench "$repo" "$rev" "$cache"; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(git --version)"
echo "load before: $(uptime | sed 's/.*load average/load average/')"
echo "input: $repo at $rev, $(git -C "$repo" rev-list --count "$rev") commits"
git_m=()
git_nr=()
cold=()
warm=()
for run in $(seq 1 "$runs"); do
  rm -rf "${cache:?}"/*
  git_m+=("$(time_once git -C "$repo" log --numstat -M --format=%H "$rev")")
  git_nr+=("$(time_once git -C "$repo" log --numstat --no-renames --format=%H "$rev")")
  start=$(date +%s%N); inner=$(mine); end=$(date +%s%N)
  cold+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')")
  echo "run $run cold: $inner"
  start=$(date +%s%N); inner=$(mine); end=$(date +%s%N)
  warm+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')")
  echo "run $run warm: $inner"
done
m_git=$(printf '%s\n' "${git_m[@]}" | median)
m_nr=$(printf '%s\n' "${git_nr[@]}" | median)
m_cold=$(printf '%s\n' "${cold[@]}" | median)
m_warm=$(printf '%s\n' "${warm[@]}" | median)
printf '%-34s median %7.3f s   runs: %s\n' "git log --numstat -M" "$m_git" "${git_m[*]}"
printf '%-34s median %7.3f s   runs: %s\n' "git log --numstat --no-renames" "$m_nr" "${git_nr[*]}"
printf '%-34s median %7.3f s   runs: %s\n' "mining, cold cache" "$m_cold" "${cold[*]}"
printf '%-34s median %7.3f s   runs: %s\n' "mining, warm cache" "$m_warm" "${warm[*]}"
awk -v c="$m_cold" -v w="$m_warm" -v g="$m_git" \
  'BEGIN { printf "ratio cold / git -M: %.2f   warm / git -M: %.2f\n", c / g, w / g }'
echo "cache: $(du -sh "$cache/history.db" | cut -f1) (after the last run)"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
