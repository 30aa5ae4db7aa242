//===- ApproximateMath.cpp - exp and tanh as arithmetic -------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Sigmoid and SiLU compute tanh (softmax exp) on every element of a feature
// map. Lowered to calls of libm, a loop of them runs one element at a time:
// LLVM does not vectorise calls it knows nothing of. As arithmetic (MLIR's
// approximations: for exp a range reduction and a polynomial, for tanh one
// rational function) they vectorise like the rest of the loop, and the
// object needs no libm.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Conversion/Passes.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace ghostc {
#define GEN_PASS_DEF_GHOSTAPPROXIMATEMATH
#include "ghostc/Conversion/Passes.h.inc"
} // namespace ghostc

using namespace mlir;

namespace {

struct GhostApproximateMath
    : ghostc::impl::GhostApproximateMathBase<GhostApproximateMath> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateMathPolynomialApproximationPatterns(patterns, [](StringRef name) {
      return name == math::ExpOp::getOperationName() ||
             name == math::TanhOp::getOperationName();
    });
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
