#!/usr/bin/env bash
# ONNX Runtime's own per-operator profile of one model, for comparison with
# bench/profile.sh: kernel time per run by operator type and its share.
# One thread, all graph optimisations, batch 1.
#
#   bench/ort_profile.sh [-n RUNS] MODEL
#
# MODEL is an .onnx file or ARCH-WIDTH as in bench/run.sh. Default: 200 runs.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=200
model=
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;;
    -*) echo "ort_profile: unknown option $1" >&2; exit 1 ;;
    *) model=$1; shift ;;
  esac
done
[ -n "$model" ] || { echo "ort_profile: no model (see --help)" >&2; exit 1; }
onnx=$(model_onnx "$model")
work=$(ort_workdir ort_session.js ort_profile.js)
(cd "$work" && node ort_profile.js "$onnx" "$runs")
