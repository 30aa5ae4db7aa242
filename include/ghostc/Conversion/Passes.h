//===- Passes.h - ghostc conversion passes ----------------------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_CONVERSION_PASSES_H
#define GHOSTC_CONVERSION_PASSES_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Pass/Pass.h"

namespace ghostc {

#define GEN_PASS_DECL
#include "ghostc/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "ghostc/Conversion/Passes.h.inc"

} // namespace ghostc

#endif // GHOSTC_CONVERSION_PASSES_H
