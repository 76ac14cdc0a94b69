# Shared helpers for the bench scripts: timing whole commands and taking medians.

# Prints the wall-clock seconds of one run of the command, its output discarded.
time_once() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "command failed: $*" >&2; return 1; }
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", (e - s) / 1e9 }'
}

# Median of the numbers on stdin.
median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Runs the commands in the arrays CMD_A and CMD_B alternately RUNS times after one warm-up each;
# prints both medians and their ratio.
compare() {
  local runs=$1 label_a=$2 label_b=$3 a=() b=()
  time_once "${CMD_A[@]}" >/dev/null
  time_once "${CMD_B[@]}" >/dev/null
  for ((r = 0; r < runs; r++)); do
    a+=("$(time_once "${CMD_A[@]}")")
    b+=("$(time_once "${CMD_B[@]}")")
  done
  medians "ratio" "$label_a" "$label_b" "${a[*]}" "${b[*]}"
}

# Prints the medians of two space-separated lists of times and the ratio of the first to the
# second, the ratio's line starting with PREFIX.
medians() {
  local prefix=$1 label_a=$2 label_b=$3 a=$4 b=$5 ma mb
  ma=$(printf '%s\n' $a | median)
  mb=$(printf '%s\n' $b | median)
  printf '%-32s median %7.3f s   runs: %s\n' "$label_a" "$ma" "$a"
  printf '%-32s median %7.3f s   runs: %s\n' "$label_b" "$mb" "$b"
  awk -v a="$ma" -v b="$mb" -v p="$prefix" 'BEGIN { printf "%s: %.2f\n", p, a / b }'
}
