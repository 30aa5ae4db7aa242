#!/usr/bin/env bash
# Per-layer profile of one model: compiles it with `ghostc --profile` and
# prints every layer's mean time, share and GFLOP/s, slowest first (see
# bench/profile.c). Batch 1, one thread.
#
#   bench/profile.sh [-n RUNS] MODEL [-- ghostc options]
#
# MODEL is an .onnx file, or ARCH-WIDTH as in bench/run.sh (ghostnet-1.0,
# mobilenet_v3_large-1.0, ...), exported into build/bench/ARCH-WIDTH.
# Default: 100 runs after 5 warm-up runs, --mcpu=native.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=100
model=
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs=$2; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;;
    -*) echo "profile: unknown option $1" >&2; exit 1 ;;
    *) model=$1; shift ;;
  esac
done
[ -n "$model" ] || { echo "profile: no model (see --help)" >&2; exit 1; }
[ $# -eq 0 ] && set -- --mcpu=native
onnx=$(model_onnx "$model")
if [ -f "$model" ]; then
  dir=build/bench/profile-$(basename "$model" .onnx)
else
  dir=build/bench/$model
fi
mkdir -p "$dir/profile"
build/bin/ghostc "$onnx" --name=model --profile -o "$dir/profile/model.o" "$@"
link_harness "$dir/profile/profile" bench/profile.c "$dir/profile" "$dir/profile/model.o"
echo "$(basename "$onnx") ($model), ghostc --profile $*"
"$dir/profile/profile" 5 "$runs"
