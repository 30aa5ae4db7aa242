//===- Passes.h - ghost dialect passes --------------------------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_DIALECT_GHOST_PASSES_H
#define GHOSTC_DIALECT_GHOST_PASSES_H

#include "ghostc/Dialect/Ghost/GhostOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace ghostc::ghost {

#define GEN_PASS_DECL
#include "ghostc/Dialect/Ghost/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "ghostc/Dialect/Ghost/Passes.h.inc"

} // namespace ghostc::ghost

#endif // GHOSTC_DIALECT_GHOST_PASSES_H
