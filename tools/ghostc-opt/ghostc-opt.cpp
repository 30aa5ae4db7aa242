//===- ghostc-opt.cpp - mlir-opt with the ghost dialect -------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// The lit tests' driver: mlir-opt's command line with the ghost dialect, the
// upstream dialects ghostc lowers through, and every ghost pass and pipeline.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Dialect/Ghost/GhostDialect.h"
#include "ghostc/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  ghostc::registerAllDialects(registry);
  ghostc::registerAllPasses();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "ghostc optimizer driver: the ghost dialect and its passes\n",
      registry));
}
