//===- CanonicalizeGates.cpp - spelled-out gates into ops -----------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// PyTorch writes GhostNet's gate as relu6(x + 3) / 6, which ONNX spells as
// Add, Clip and Div (or Mul by 1/6); older opsets spell hard swish as
// x * HardSigmoid(x), and SiLU is x * Sigmoid(x). This pass turns them into
// single ops so that the later passes see one form.
//
//===----------------------------------------------------------------------===//

#include "PatternUtils.h"

#include "ghostc/Dialect/Ghost/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace ghostc::ghost {
#define GEN_PASS_DEF_GHOSTCANONICALIZEGATES
#include "ghostc/Dialect/Ghost/Passes.h.inc"
} // namespace ghostc::ghost

using namespace mlir;
using namespace ghostc::ghost;

namespace {

/// The x of `clip(add(x, 3), 0, 6)`, when `value` is that and both
/// intermediates have no other user and keep x's type.
Value matchRelu6OfXPlus3(Value value) {
  auto clip = value.getDefiningOp<ClipOp>();
  if (!clip || !clip->hasOneUse() || clip.getMin().convertToFloat() != 0.0f ||
      clip.getMax().convertToFloat() != 6.0f)
    return nullptr;
  auto add = clip.getInput().getDefiningOp<AddOp>();
  if (!add || !add->hasOneUse())
    return nullptr;
  for (auto [x, three] : {std::pair(add.getLhs(), add.getRhs()),
                          std::pair(add.getRhs(), add.getLhs())})
    if (isConstantSplat(three, 3.0f) && x.getType() == add.getType())
      return x;
  return nullptr;
}

/// relu6(x + 3) / 6 -> hard_sigmoid(x).
struct DivGate : OpRewritePattern<DivOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(DivOp div,
                                PatternRewriter &rewriter) const override {
    Value x = matchRelu6OfXPlus3(div.getLhs());
    if (!x || !isConstantSplat(div.getRhs(), 6.0f) ||
        div.getType() != x.getType())
      return rewriter.notifyMatchFailure(div, "not relu6(x + 3) / 6");
    rewriter.replaceOpWithNewOp<HardSigmoidOp>(div, x);
    return success();
  }
};

/// relu6(x + 3) * (1/6), in either operand order -> hard_sigmoid(x).
struct MulGate : OpRewritePattern<MulOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(MulOp mul,
                                PatternRewriter &rewriter) const override {
    for (auto [relu6, sixth] : {std::pair(mul.getLhs(), mul.getRhs()),
                                std::pair(mul.getRhs(), mul.getLhs())}) {
      Value x = matchRelu6OfXPlus3(relu6);
      if (x && isConstantSplat(sixth, 1.0f / 6.0f) &&
          mul.getType() == x.getType()) {
        rewriter.replaceOpWithNewOp<HardSigmoidOp>(mul, x);
        return success();
      }
    }
    return rewriter.notifyMatchFailure(mul, "not relu6(x + 3) * 1/6");
  }
};

bool isGate(HardSigmoidOp op) { return isCanonicalHardSigmoid(op); }
bool isGate(SigmoidOp) { return true; }

/// x * gate(x), in either operand order -> self-gated op (x): hard_swish for
/// the canonical hard sigmoid, silu for the sigmoid.
template <typename GateOp, typename GatedOp>
struct MulSelfGate : OpRewritePattern<MulOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(MulOp mul,
                                PatternRewriter &rewriter) const override {
    for (auto [x, gate] : {std::pair(mul.getLhs(), mul.getRhs()),
                           std::pair(mul.getRhs(), mul.getLhs())}) {
      auto gateOp = gate.template getDefiningOp<GateOp>();
      if (gateOp && gateOp->hasOneUse() && gateOp.getInput() == x &&
          mul.getType() == x.getType() && isGate(gateOp)) {
        rewriter.replaceOpWithNewOp<GatedOp>(mul, x);
        return success();
      }
    }
    return rewriter.notifyMatchFailure(mul, "not x * gate(x)");
  }
};

struct GhostCanonicalizeGatesPass
    : ghostc::ghost::impl::GhostCanonicalizeGatesBase<
          GhostCanonicalizeGatesPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<DivGate, MulGate, MulSelfGate<HardSigmoidOp, HardSwishOp>,
                 MulSelfGate<SigmoidOp, SiluOp>>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
