//===- InitAll.cpp - register ghostc's dialects and passes ----------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#include "ghostc/InitAll.h"
#include "ghostc/Dialect/Ghost/GhostDialect.h"
#include "ghostc/Dialect/Ghost/Passes.h"
#include "ghostc/Pipelines/Pipelines.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Transforms/Passes.h"

void ghostc::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<ghost::GhostDialect, mlir::func::FuncDialect>();
}

void ghostc::registerAllPasses() {
  // Upstream passes the lit tests run around ours (canonicalize, cse, ...).
  mlir::registerTransformsPasses();
  ghost::registerGhostPasses();
  registerPipelines();
}
