#!/usr/bin/env bash
# Measures GhostNet 1.0x latency, batch 1, one thread: ghostc against ONNX
# Runtime 1.30 on the same model in the same invocation. Rounds alternate
# between the two engines so that machine noise hits both; the report gives
# each engine's median over all timed runs and the ratio.
#
#   bench/run.sh [ROUNDS] [RUNS_PER_ROUND] [-- ghostc options (default: --mcpu=native)]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
runs=${2:-20}
shift $(( $# > 2 ? 2 : $# )); [ "${1:-}" = "--" ] && shift
work=build/bench
mkdir -p "$work"

if [ ! -d "$work/node_modules/onnxruntime-node" ]; then
  echo "bench: installing onnxruntime-node@1.30.0 into $work"
  (cd "$work" && npm install --ignore-scripts --no-save --silent onnxruntime-node@1.30.0)
fi
if [ ! -f "$work/ghostnet.onnx" ]; then
  (cd python && /usr/bin/python3 -m ghostc.export --arch ghostnet --width 1.0 \
     --opset 13 -o "../$work/ghostnet.onnx")
fi
# ONNX Runtime picks kernels for the host at run time; ghostc compiles for
# it unless told otherwise.
[ $# -eq 0 ] && set -- --mcpu=native
echo "bench: compiling with ghostc $*"
build/bin/ghostc "$work/ghostnet.onnx" --name=model -o "$work/model.o" "$@"
cc -O2 -I"$work" bench/bench_ghostc.c "$work/model.o" -lm -o "$work/bench_ghostc"
cp bench/bench_ort.js "$work/bench_ort.js"

: > "$work/ghostc.times"; : > "$work/ort.times"
for round in $(seq "$rounds"); do
  "$work/bench_ghostc" 3 "$runs" >> "$work/ghostc.times"
  (cd "$work" && node bench_ort.js ghostnet.onnx 3 "$runs") >> "$work/ort.times"
  echo "bench: round $round of $rounds done"
done
median() { sort -g "$1" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
g=$(median "$work/ghostc.times"); o=$(median "$work/ort.times")
n=$(wc -l < "$work/ghostc.times")
echo "GhostNet 1.0x, batch 1, 1 thread, median of $n runs each:"
echo "  ghostc               $g ms"
echo "  ONNX Runtime 1.30    $o ms"
awk -v g="$g" -v o="$o" 'BEGIN {printf "  ghostc / ORT time    %.2f (below 1 means ghostc is faster)\n", g / o}'
