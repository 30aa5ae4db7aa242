//===- GhostDialect.h - ghost dialect ---------------------------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_DIALECT_GHOST_GHOSTDIALECT_H
#define GHOSTC_DIALECT_GHOST_GHOSTDIALECT_H

#include "mlir/IR/Dialect.h"

#include "ghostc/Dialect/Ghost/GhostOpsDialect.h.inc"

#endif // GHOSTC_DIALECT_GHOST_GHOSTDIALECT_H
