//===- InitAll.h - register ghostc's dialects and passes --------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// One place that lists what ghostc's tools register, so that ghostc and
// ghostc-opt always see the same dialects, passes and pipelines.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_INITALL_H
#define GHOSTC_INITALL_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace ghostc {

/// Adds the ghost dialect and the upstream dialects ghostc lowers through.
void registerAllDialects(mlir::DialectRegistry &registry);

/// Registers every ghost pass and ghostc's named pass pipelines.
void registerAllPasses();

} // namespace ghostc

#endif // GHOSTC_INITALL_H
