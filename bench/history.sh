#!/usr/bin/env bash
# History mining (every commit reachable from REV with its per-file line counts) against, as
# baseline in the same run, `git log --numstat -M` over the same history: cold (empty history
# cache), warm (the cache the cold run filled; the walk is redone and only new commits would be
# diffed), and git with rename detection and without. Times are wall-clock for whole commands,
# JVM start-up included; the miner's own time (from opening the repository to the last commit) is
# printed too, and every command's CPU seconds (user + system), which a loaded machine disturbs
# less than wall-clock time.
#
#   bench/history.sh REPO [REV] [RUNS] [-- PATHSPEC...]
#
# git stops at a blob missing from the repository (a mirror that dropped huge files), where the
# miner counts the file as binary; give such files' paths as exclusions for git, for example
#   bench/history.sh REPO HEAD 3 -- . ':(exclude)index-all.html'
# (git then also skips the commits that touched nothing else, which costs it nothing anyway).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"
repo=${1:?usage: bench/history.sh REPO [REV] [RUNS]}
rev=${2:-HEAD}
runs=${3:-3}
pathspec=()
if [ "${4:-}" = "--" ]; then pathspec=(-- "${@:5}"); fi

cd "$here/.."
mvn -B -q -Dstyle.color=never -Dspotless.check.skip=true test-compile
cpfile=$(mktemp)
cache=$(mktemp -d)
out=$(mktemp)
trap 'rm -rf "$cache" "$cache.classes" "$cpfile" "$out" "$out.time"' EXIT
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null
# A copy of the classes, so another build in this checkout cannot pull them away mid-run.
mkdir -p "$cache.classes" && cp -r target/classes target/test-classes "$cache.classes/"
cp="$cache.classes/test-classes:$cache.classes/classes:$(cat "$cpfile")"
mine() { java -cp "$cp" dev.scrutineer.ingest.HistoryBench "$repo" "$rev" "$cache"; }
# Runs a command; prints "WALL CPU" in seconds on stdout, its own output to $out.
measure() {
  /usr/bin/time -f '%e %U %S' -o "$out.time" "$@" >"$out" 2>/dev/null || { echo "command failed: $*" >&2; return 1; }
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$out.time"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(git --version)"
echo "load before: $(uptime | sed 's/.*load average/load average/')"
echo "input: $repo at $rev, $(git -C "$repo" rev-list --count "$rev") commits"
git_m=() git_nr=() cold=() warm=()
for run in $(seq 1 "$runs"); do
  rm -rf "${cache:?}"/*
  git_m+=("$(measure git -C "$repo" log --numstat -M --format=%H "$rev" "${pathspec[@]}")")
  git_nr+=("$(measure git -C "$repo" log --numstat --no-renames --format=%H "$rev" "${pathspec[@]}")")
  cold+=("$(measure java -cp "$cp" dev.scrutineer.ingest.HistoryBench "$repo" "$rev" "$cache")")
  echo "run $run cold: $(cat "$out")"
  warm+=("$(measure java -cp "$cp" dev.scrutineer.ingest.HistoryBench "$repo" "$rev" "$cache")")
  echo "run $run warm: $(cat "$out")"
done
# Prints the medians of wall and CPU time of "WALL CPU" pairs.
medians() {
  local wall cpu
  wall=$(printf '%s\n' "$@" | awk '{ print $1 }' | median)
  cpu=$(printf '%s\n' "$@" | awk '{ print $2 }' | median)
  echo "$wall $cpu"
}
report() {
  local label=$1 m
  shift
  m=$(medians "$@")
  printf '%-34s median wall %7.3f s  cpu %7.3f s   runs (wall cpu): %s\n' "$label" ${m} "$*"
}
report "git log --numstat -M" "${git_m[@]}"
report "git log --numstat --no-renames" "${git_nr[@]}"
report "mining, cold cache" "${cold[@]}"
report "mining, warm cache" "${warm[@]}"
read -r gw gc <<<"$(medians "${git_m[@]}")"
read -r cw cc <<<"$(medians "${cold[@]}")"
read -r ww wc <<<"$(medians "${warm[@]}")"
awk -v gw="$gw" -v gc="$gc" -v cw="$cw" -v cc="$cc" -v ww="$ww" -v wc="$wc" 'BEGIN {
  printf "ratio to git -M, wall: cold %.2f  warm %.2f;  cpu: cold %.2f  warm %.2f\n", cw / gw, ww / gw, cc / gc, wc / gc }'
echo "cache: $(du -sh "$cache/history.db" | cut -f1) (after the last run)"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
