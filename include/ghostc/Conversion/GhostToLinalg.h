//===- GhostToLinalg.h - ghost ops to linalg on tensors ---------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_CONVERSION_GHOSTTOLINALG_H
#define GHOSTC_CONVERSION_GHOSTTOLINALG_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;
} // namespace mlir

namespace ghostc {

/// Adds the patterns that rewrite every ghost op into linalg (and tensor)
/// ops on tensors, ready for one-shot bufferization.
void populateGhostToLinalgConversionPatterns(mlir::RewritePatternSet &patterns);

} // namespace ghostc

#endif // GHOSTC_CONVERSION_GHOSTTOLINALG_H
