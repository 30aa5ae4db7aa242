# Shell functions shared by bench/run.sh, bench/profile.sh,
# bench/compare.sh and bench/ort_profile.sh; sourced from the repository's
# root.

# The path of MODEL's ONNX file: MODEL itself when it is a file, else
# ARCH-WIDTH (an arch of `python3 -m ghostc.export` and its width
# multiplier), exported once into build/bench/ARCH-WIDTH/model.onnx.
model_onnx() {
  if [ -f "$1" ]; then
    realpath "$1"
    return
  fi
  local onnx=$PWD/build/bench/$1/model.onnx
  if [ ! -f "$onnx" ]; then
    mkdir -p "$(dirname "$onnx")"
    (cd python && /usr/bin/python3 -m ghostc.export --arch "${1%-*}" \
       --width "${1##*-}" --opset 13 -o "$onnx") > /dev/null
  fi
  echo "$onnx"
}

# Links the C harness SOURCE with OBJECT into OUTPUT (INCLUDE holds the
# header): cc -O2, then a cp of the result into place. An executable the
# linker had just written ran ResNet-18 (45 MB of weights in .rodata) 15%
# slower than a cp of the same file (21.1-22.6 ms against 18.3-18.7 ms,
# alternating, on 2026-12-04; the page cache holding the linker's output in
# smaller folios is the suspected cause): timed as written, a model's speed
# would depend on the linker's write pattern instead of the steady state of
# an installed binary.
link_harness() {
  local output=$1 source=$2 include=$3 object=$4
  cc -O2 -I"$include" "$source" "$object" -lm -o "$output.linked"
  cp "$output.linked" "$output"
  rm -f "$output.linked"
}

# The median of the numbers on standard input, one per line.
median() {
  sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
}

# onnxruntime-node@1.30.0 in build/bench (its install script would download;
# the package ships libonnxruntime.so), and SCRIPT.js of bench/ copied beside
# it so that node finds the module. Prints the folder.
ort_workdir() {
  local work=$PWD/build/bench
  mkdir -p "$work"
  if [ ! -d "$work/node_modules/onnxruntime-node" ]; then
    echo "bench: installing onnxruntime-node@1.30.0 into $work" >&2
    (cd "$work" && npm install --ignore-scripts --no-save --silent onnxruntime-node@1.30.0)
  fi
  for script in "$@"; do
    cp "bench/$script" "$work/$script"
  done
  echo "$work"
}
