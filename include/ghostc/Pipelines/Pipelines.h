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

namespace mlir {
class OpPassManager;
} // namespace mlir

namespace ghostc {

/// Graph passes on the imported ghost dialect (`--emit=ghost`).
void buildGhostGraphPipeline(mlir::OpPassManager &pm);

/// Registers the pipelines above with ghostc-opt's command line
/// (`--ghost-graph-pipeline`).
void registerPipelines();

} // namespace ghostc

#endif // GHOSTC_PIPELINES_PIPELINES_H
