//===- Pipelines.h - ghostc's pass pipelines --------------------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// The pipelines ghostc runs, built in one place so that the driver and
// ghostc-opt (through PassPipelineRegistration) run exactly the same passes.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_PIPELINES_PIPELINES_H
#define GHOSTC_PIPELINES_PIPELINES_H

#include <string>

namespace mlir {
class OpPassManager;
} // namespace mlir

namespace ghostc {

/// The stages the lowering can stop after.
enum class Stage {
  /// The ghost dialect after the graph passes (`--emit=ghost`).
  Graph,
  /// Affine loops on memrefs in one static workspace (`--emit=loops`).
  Loops,
  /// The LLVM dialect with the C entry points (then LLVM IR, asm, obj).
  LLVM,
};

/// Options of the lowering pipeline.
struct LoweringOptions {
  /// The last stage to run.
  Stage last = Stage::LLVM;
  /// Prefix of the generated C symbols (`<prefix>_run`, ...).
  std::string prefix = "model";
  /// Time every layer call into `<prefix>_profile_ns` (`--profile`).
  bool profile = false;
};

/// The whole of ghostc's pipeline on an imported module, up to
/// `options.last`: graph passes, linalg, bufferization and the static memory
/// plan, loops, the LLVM dialect and the C entry points. ghostc and
/// ghostc-opt both build their pipelines here.
void buildGhostLoweringPipeline(mlir::OpPassManager &pm,
                                const LoweringOptions &options);

/// Registers the pipeline with ghostc-opt's command line, once per stage:
/// --ghost-graph-pipeline, --ghost-to-loops-pipeline and
/// --ghost-lowering-pipeline.
void registerPipelines();

} // namespace ghostc

#endif // GHOSTC_PIPELINES_PIPELINES_H
