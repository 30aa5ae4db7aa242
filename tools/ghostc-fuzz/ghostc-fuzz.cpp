//===- ghostc-fuzz.cpp - libFuzzer target for the ONNX importer -----------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Bytes -> ModelProto -> ghost dialect -> graph passes -> verifier, as ghostc
// runs them on a file: bytes that start with '<' are ONNX text syntax (which
// opens with `<ir_version: ...>`), anything else binary protobuf. A bad input
// must end in an error diagnostic; a crash, a sanitizer report, a hang or an
// allocation beyond libFuzzer's -rss_limit_mb is a bug. Built with
// -DGHOSTC_ENABLE_FUZZER=ON by clang (scripts/fuzz.sh).
//
// `--stage=llvm` (libFuzzer passes flags that start with `--` on) runs the
// whole lowering to the LLVM dialect instead of the graph passes only:
// slower per input, but it reaches bufferization, the kernels and the ABI.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Import/OnnxImporter.h"
#include "ghostc/InitAll.h"
#include "ghostc/Pipelines/Pipelines.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"

#include <cstddef>
#include <cstdint>

using namespace mlir;

static ghostc::Stage lastStage = ghostc::Stage::Graph;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv) {
  for (int i = 1; i < *argc; ++i)
    if (StringRef((*argv)[i]) == "--stage=llvm")
      lastStage = ghostc::Stage::LLVM;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static DialectRegistry *registry = [] {
    auto *result = new DialectRegistry();
    ghostc::registerAllDialects(*result);
    return result;
  }();
  MLIRContext context(*registry, MLIRContext::Threading::DISABLED);
  // Errors are the expected outcome for most inputs: keep them quiet.
  ScopedDiagnosticHandler quiet(&context,
                                [](Diagnostic &) { return success(); });
  StringRef bytes(reinterpret_cast<const char *>(data), size);
  ghostc::ModelFormat format = bytes.starts_with("<")
                                   ? ghostc::ModelFormat::Text
                                   : ghostc::ModelFormat::Binary;
  OwningOpRef<ModuleOp> module = ghostc::importOnnxBuffer(
      context, bytes, "fuzz.onnx", format, ghostc::ImportOptions());
  if (!module)
    return 0;
  if (failed(verify(*module)))
    __builtin_trap(); // The importer must only build valid IR.
  PassManager pm(&context);
  ghostc::LoweringOptions lowering;
  lowering.last = lastStage;
  ghostc::buildGhostLoweringPipeline(pm, lowering);
  // The pass manager verifies after every pass; a pass may still refuse a
  // model it cannot lower, with an error.
  (void)pm.run(*module);
  return 0;
}
