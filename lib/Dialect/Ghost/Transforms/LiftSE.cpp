//===- LiftSE.cpp - lift squeeze-and-excitation into ghost.se -------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// After activation fusion, a squeeze-and-excitation block reads
//
//   s = global_average_pool(x)   (or reduce_mean over H, W with keepdims)
//   r = conv(s) act relu         1x1
//   g = conv(r) act gate         1x1, gate = hard_sigmoid or sigmoid
//   y = mul(x, g)                either operand order
//
// and becomes ghost.se(x, w1, b1, w2, b2) with the 1x1 weights as matrices.
//
//===----------------------------------------------------------------------===//

#include "PatternUtils.h"

#include "ghostc/Dialect/Ghost/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace ghostc::ghost {
#define GEN_PASS_DEF_GHOSTLIFTSE
#include "ghostc/Dialect/Ghost/Passes.h.inc"
} // namespace ghostc::ghost

using namespace mlir;
using namespace ghostc::ghost;

namespace {

/// True when `value` is the mean of `x` over H and W, kept as N×C×1×1, and
/// that mean has one user.
bool isSpatialMeanOf(Value value, Value x) {
  Operation *pool = value.getDefiningOp();
  if (!pool || !pool->hasOneUse())
    return false;
  if (auto global = dyn_cast<GlobalAveragePoolOp>(pool))
    return global.getInput() == x;
  if (auto mean = dyn_cast<ReduceMeanOp>(pool))
    return mean.getInput() == x && mean.getKeepdims() &&
           mean.getAxes() == ArrayRef<int64_t>{2, 3};
  return false;
}

/// A 1x1, stride-1, unpadded, ungrouped conv with one user, or null.
ConvOp pointwiseConv(Value value) {
  auto conv = value.getDefiningOp<ConvOp>();
  if (!conv || !conv->hasOneUse() || !isPlainSquareConv(conv, 1) ||
      conv.getStrides()[0] != 1)
    return nullptr;
  return conv;
}

/// The weight of a 1x1 conv as an O×I matrix.
Value asMatrix(PatternRewriter &rewriter, ConvOp conv) {
  auto shape = conv.getWeight().getType().getShape();
  auto type = RankedTensorType::get({shape[0], shape[1]},
                                    rewriter.getF32Type());
  return ReshapeOp::create(rewriter, conv.getLoc(), type, conv.getWeight());
}

struct LiftSE : OpRewritePattern<MulOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(MulOp mul,
                                PatternRewriter &rewriter) const override {
    for (auto [x, gate] : {std::pair(mul.getLhs(), mul.getRhs()),
                           std::pair(mul.getRhs(), mul.getLhs())}) {
      if (mul.getType() != x.getType() ||
          cast<RankedTensorType>(x.getType()).getRank() != 4)
        continue;
      ConvOp expand = pointwiseConv(gate);
      if (!expand)
        continue;
      std::optional<SEGate> kind;
      if (expand.getActivation() == Activation::HardSigmoid)
        kind = SEGate::HardSigmoid;
      else if (expand.getActivation() == Activation::Sigmoid)
        kind = SEGate::Sigmoid;
      ConvOp reduce = pointwiseConv(expand.getInput());
      if (!kind || !reduce || reduce.getActivation() != Activation::Relu ||
          !isSpatialMeanOf(reduce.getInput(), x))
        continue;

      Value w1 = asMatrix(rewriter, reduce);
      Value b1 = biasOrZeros(rewriter, reduce);
      Value w2 = asMatrix(rewriter, expand);
      Value b2 = biasOrZeros(rewriter, expand);
      rewriter.replaceOpWithNewOp<SEOp>(mul, mul.getType(), x, w1, b1, w2, b2,
                                        *kind);
      return success();
    }
    return rewriter.notifyMatchFailure(mul, "not a squeeze-and-excitation");
  }
};

struct GhostLiftSEPass
    : ghostc::ghost::impl::GhostLiftSEBase<GhostLiftSEPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<LiftSE>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
