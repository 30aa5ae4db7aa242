#!/usr/bin/env bash
# Measures latency, batch 1, 224x224, one thread: ghostc against ONNX Runtime
# 1.30 on the same ONNX file, in one invocation. Each round times every
# model in both engines one after the other (RUNS timed runs each, after 3
# untimed ones), so that machine noise hits both; a round's ratio is the
# ratio of the two medians. The report gives, per model, the median over
# the rounds of each engine's time and of the ratios, and the ratios' range,
# each engine's GFLOP/s (the model's multiply-adds, bench/flops.py, over its
# median time) and ghostc's share of the core's FMA peak (measured here by
# bench/peak.c), and ghostc's compile time and peak memory for the model
# (one compile), so that a compile-time regression shows too.
#
#   bench/run.sh [-r ROUNDS] [-n RUNS] [MODEL...] [-- ghostc options]
#
# MODEL is an .onnx file or ARCH-WIDTH, an arch of `python3 -m
# ghostc.export` with its width multiplier (ghostnet-1.0, ghostnetv2-1.0,
# mobilenet_v3_large-1.0, ...),
# or `all` for GhostNet 0.5x, 1.0x, 1.3x, GhostNetV2 1.0x and torchvision's
# MobileNetV3-Large, MobileNetV2, ShuffleNetV2, EfficientNet-B0, MNASNet,
# RegNetX-400MF (grouped convolutions) and ResNet-18. Default: ghostnet-1.0,
# 5 rounds of 20 runs, --mcpu=native.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
rounds=5
runs=20
models=()
while [ $# -gt 0 ]; do
  case "$1" in
    -r) rounds=$2; shift 2 ;;
    -n) runs=$2; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;;
    all) models+=(ghostnet-0.5 ghostnet-1.0 ghostnet-1.3 ghostnetv2-1.0
                  mobilenet_v3_large-1.0 mobilenet_v2-1.0 shufflenet_v2_x1_0-1.0
                  efficientnet_b0-1.0 mnasnet1_0-1.0 regnet_x_400mf-1.0
                  resnet18-1.0); shift ;;
    -*) echo "bench: unknown option $1" >&2; exit 1 ;;
    *) models+=("$1"); shift ;;
  esac
done
[ ${#models[@]} -eq 0 ] && models=(ghostnet-1.0)
# ONNX Runtime picks kernels for the host at run time; ghostc compiles for
# it unless told otherwise.
[ $# -eq 0 ] && set -- --mcpu=native
work=$(ort_workdir ort_session.js bench_ort.js)
cc -O2 -march=native -ffp-contract=fast bench/peak.c -o build/bench/peak
peak=$(build/bench/peak)
declare -A dirs onnxs gflop
for model in "${models[@]}"; do
  onnx=$(model_onnx "$model")
  # A zoo model's directory, or one in build/bench named after the file.
  dir=$(dirname "$onnx")
  if [ -f "$model" ]; then
    dir=$PWD/build/bench/file-$(basename "$model" .onnx)
    mkdir -p "$dir"
  fi
  dirs[$model]=$dir
  onnxs[$model]=$onnx
  gflop[$model]=$(/usr/bin/python3 bench/flops.py "$onnx")
  echo "bench: compiling $model with ghostc $*"
  /usr/bin/time -f "%e %M" -o "$dir/compile" \
    build/bin/ghostc "$onnx" --name=model -o "$dir/model.o" "$@"
  link_harness "$dir/bench_ghostc" bench/bench_ghostc.c "$dir" "$dir/model.o"
  : > "$dir/rounds"
done

for round in $(seq "$rounds"); do
  for model in "${models[@]}"; do
    dir=${dirs[$model]}
    g=$("$dir/bench_ghostc" 3 "$runs" | median)
    o=$(cd "$work" && node bench_ort.js "${onnxs[$model]}" 3 "$runs" | median)
    echo "$g $o" >> "$dir/rounds"
  done
  echo "bench: round $round of $rounds done"
done

echo "batch 1, 224x224, 1 thread, $rounds rounds of $runs runs; ghostc $*"
echo "FMA peak of one core: $peak GFLOP/s (bench/peak.c)"
printf '%-24s %10s %10s %12s %-13s %7s %15s %s\n' model "ghostc ms" "ORT ms" \
  "ghostc/ORT" "(range)" GFLOP "GFLOP/s (peak)" "ORT GFLOP/s  compile s, MB"
for model in "${models[@]}"; do
  dir=${dirs[$model]}
  g=$(awk '{print $1}' "$dir/rounds" | median)
  o=$(awk '{print $2}' "$dir/rounds" | median)
  r=$(awk '{print $1 / $2}' "$dir/rounds" | median)
  lo=$(awk '{print $1 / $2}' "$dir/rounds" | sort -g | head -1)
  hi=$(awk '{print $1 / $2}' "$dir/rounds" | sort -g | tail -1)
  read -r seconds kilobytes < "$dir/compile"
  f=${gflop[$model]}
  rate=$(awk -v f="$f" -v t="$g" 'BEGIN {printf "%.0f", f / t * 1000}')
  share=$(awk -v r="$rate" -v p="$peak" 'BEGIN {printf "%.0f%%", 100 * r / p}')
  ort=$(awk -v f="$f" -v t="$o" 'BEGIN {printf "%.0f", f / t * 1000}')
  printf '%-24s %10.3f %10.3f %12.2f %-13s %7.3f %15s %11s  %.1f, %d\n' \
    "$(basename "$model" .onnx)" "$g" "$o" "$r" "($(printf '%.2f-%.2f' "$lo" "$hi"))" "$f" \
    "$rate ($share)" "$ort" "$seconds" "$((kilobytes / 1024))"
done
echo "(ghostc/ORT is the median of the per-round ratios; below 1 means ghostc is faster)"
