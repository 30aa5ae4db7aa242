//===- Pipelines.cpp - ghostc's pass pipelines ----------------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Pipelines/Pipelines.h"
#include "ghostc/Dialect/Ghost/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

void ghostc::buildGhostGraphPipeline(mlir::OpPassManager &pm) {
  using namespace ghost;
  mlir::OpPassManager &func = pm.nest<mlir::func::FuncOp>();
  // The importer leaves identities behind (reshape chains, one-input concats,
  // whole-tensor slices); the ghost folders remove them first so that the
  // patterns below see the bare structure.
  func.addPass(mlir::createCanonicalizerPass());
  // BatchNormalization disappears into the convolutions' constants before
  // anything looks for conv -> activation chains.
  func.addPass(createGhostFoldBatchNorm());
  // One spelling of each gate, so that fusion and SE lifting match one form.
  func.addPass(createGhostCanonicalizeGates());
  // Activations become conv/gemm attributes: the Ghost module and SE
  // patterns are written against fused convolutions.
  func.addPass(createGhostFuseActivations());
  func.addPass(createGhostLiftGhostModule());
  func.addPass(createGhostLiftSE());
  // Fold the reshapes of SE weights and the now-dead constants.
  func.addPass(mlir::createCanonicalizerPass());
  func.addPass(mlir::createCSEPass());
}

void ghostc::registerPipelines() {
  mlir::PassPipelineRegistration<>(
      "ghost-graph-pipeline",
      "The graph passes ghostc runs on imported models (--emit=ghost)",
      [](mlir::OpPassManager &pm) { buildGhostGraphPipeline(pm); });
}
