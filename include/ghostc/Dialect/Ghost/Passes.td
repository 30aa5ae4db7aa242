//===- Passes.td - ghost dialect passes --------------------*- tablegen -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Graph passes over the ghost dialect. Each pass lives in
// lib/Dialect/Ghost/Transforms/<Name>.cpp and is tested by
// test/Dialect/Ghost/<flag>.mlir.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_DIALECT_GHOST_PASSES_TD
#define GHOSTC_DIALECT_GHOST_PASSES_TD

include "mlir/Pass/PassBase.td"

#endif // GHOSTC_DIALECT_GHOST_PASSES_TD
