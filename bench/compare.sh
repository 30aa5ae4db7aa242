#!/usr/bin/env bash
# A/B latency of two ghostc builds, or of two sets of options, on one
# model: both objects are timed in alternating rounds (RUNS runs each, after
# 3 untimed), and the report gives each side's median and the median and
# range of the per-round ratios B/A. Batch 1, one thread.
#
#   bench/compare.sh [-r ROUNDS] [-n RUNS] [-a 'OPTIONS'] [-b 'OPTIONS']
#                    MODEL [GHOSTC_A [GHOSTC_B]]
#
# MODEL is an .onnx file or ARCH-WIDTH as in bench/run.sh. GHOSTC_A and
# GHOSTC_B default to build/bin/ghostc; -a and -b add options to one side
# (both get --mcpu=native). Default: 10 rounds of 20 runs.
#
#   bench/compare.sh ghostnet-1.0 /tmp/ghostc-old build/bin/ghostc
#   bench/compare.sh -a -O3 -b -O2 resnet18-1.0
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
rounds=10
runs=20
optsA=
optsB=
while [ $# -gt 0 ]; do
  case "$1" in
    -r) rounds=$2; shift 2 ;;
    -n) runs=$2; shift 2 ;;
    -a) optsA=$2; shift 2 ;;
    -b) optsB=$2; shift 2 ;;
    -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;;
    -*) echo "compare: unknown option $1" >&2; exit 1 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { echo "compare: no model (see --help)" >&2; exit 1; }
model=$1
ghostcA=$(realpath "${2:-build/bin/ghostc}")
ghostcB=$(realpath "${3:-build/bin/ghostc}")
onnx=$(model_onnx "$model")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for side in a b; do
  if [ $side = a ]; then ghostc=$ghostcA; opts=$optsA; else ghostc=$ghostcB; opts=$optsB; fi
  mkdir -p "$work/$side"
  # shellcheck disable=SC2086 # the options are words
  "$ghostc" "$onnx" --name=model --mcpu=native $opts -o "$work/$side/model.o"
  link_harness "$work/$side/bench" bench/bench_ghostc.c "$work/$side" "$work/$side/model.o"
done

for _ in $(seq "$rounds"); do
  a=$("$work/a/bench" 3 "$runs" | median)
  b=$("$work/b/bench" 3 "$runs" | median)
  echo "$a $b" >> "$work/rounds"
done
printf 'A: %s %s\nB: %s %s\n' "$ghostcA" "$optsA" "$ghostcB" "$optsB"
printf 'A %.3f ms, B %.3f ms, B/A %.3f (range %.3f-%.3f), %d rounds of %d runs\n' \
  "$(awk '{print $1}' "$work/rounds" | median)" \
  "$(awk '{print $2}' "$work/rounds" | median)" \
  "$(awk '{print $2 / $1}' "$work/rounds" | median)" \
  "$(awk '{print $2 / $1}' "$work/rounds" | sort -g | head -1)" \
  "$(awk '{print $2 / $1}' "$work/rounds" | sort -g | tail -1)" "$rounds" "$runs"
