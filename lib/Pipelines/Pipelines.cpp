//===- Pipelines.cpp - ghostc's pass pipelines ----------------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Pipelines/Pipelines.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

void ghostc::buildGhostGraphPipeline(mlir::OpPassManager &pm) {
  mlir::OpPassManager &func = pm.nest<mlir::func::FuncOp>();
  // The importer leaves identities behind (reshape chains, one-input concats,
  // whole-tensor slices); the ghost folders remove them.
  func.addPass(mlir::createCanonicalizerPass());
  // Weights shared by several ONNX nodes are imported once per use site.
  func.addPass(mlir::createCSEPass());
}

void ghostc::registerPipelines() {
  mlir::PassPipelineRegistration<>(
      "ghost-graph-pipeline",
      "The graph passes ghostc runs on imported models (--emit=ghost)",
      [](mlir::OpPassManager &pm) { buildGhostGraphPipeline(pm); });
}
