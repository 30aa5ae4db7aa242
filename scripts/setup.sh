#!/usr/bin/env bash
# Installs every Debian package ghostc needs to build, test and benchmark.
# Idempotent: packages already present are left alone. Needs root (or sudo).
set -euo pipefail

PACKAGES=(
  # Build: LLVM/MLIR 22 and what find_package(MLIR) pulls in.
  cmake ninja-build ccache g++ file
  # The benchmark's compile time and peak memory.
  time
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools clang-22
  libzstd-dev libcurl4-openssl-dev libedit-dev libxml2-dev zlib1g-dev
  # ONNX's own C++ classes and protobuf.
  libonnx-dev libprotobuf-dev protobuf-compiler libonnx-testdata
  # Python side: exporting models and comparing with PyTorch.
  python3-torch python3-onnx python3-numpy python3-pytest
  # Public CNNs other than GhostNet, for the tests and the benchmark.
  python3-torchvision
  # Sanitizers and libFuzzer (scripts/fuzz.sh), valgrind for generated code.
  libclang-rt-22-dev valgrind
  # Packaging: the .deb (cpack, dpkg-deb) and pip installs of the module.
  dpkg-dev python3-pip python3-venv
  # AArch64 cross-linking and emulation.
  gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user
)

# The benchmark runs ONNX Runtime through npm's onnxruntime-node; use the
# machine's Node.js when it has one, Debian's otherwise.
if ! command -v npm > /dev/null; then
  PACKAGES+=(nodejs npm)
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages are installed"
  exit 0
fi
echo "setup: installing ${missing[*]}"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
