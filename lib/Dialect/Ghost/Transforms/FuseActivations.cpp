//===- FuseActivations.cpp - activations into conv and gemm ---------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// An activation applied to the result of a conv or gemm, and that result's
// only user, becomes the producer's `activation` attribute; the lowering then
// applies it in the producer's epilogue instead of in a second pass over
// memory.
//
//===----------------------------------------------------------------------===//

#include "PatternUtils.h"

#include "ghostc/Dialect/Ghost/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <limits>

namespace ghostc::ghost {
#define GEN_PASS_DEF_GHOSTFUSEACTIVATIONS
#include "ghostc/Dialect/Ghost/Passes.h.inc"
} // namespace ghostc::ghost

using namespace mlir;
using namespace ghostc::ghost;

namespace {

/// The activation kind `op` computes, if it is one the producers can fuse.
std::optional<Activation> activationOf(Operation *op) {
  if (isa<ReluOp>(op))
    return Activation::Relu;
  if (isa<SigmoidOp>(op))
    return Activation::Sigmoid;
  if (isa<HardSwishOp>(op))
    return Activation::HardSwish;
  if (isa<SiluOp>(op))
    return Activation::Silu;
  if (auto hardSigmoid = dyn_cast<HardSigmoidOp>(op))
    return isCanonicalHardSigmoid(hardSigmoid)
               ? std::optional(Activation::HardSigmoid)
               : std::nullopt;
  if (auto clip = dyn_cast<ClipOp>(op)) {
    float lo = clip.getMin().convertToFloat();
    float hi = clip.getMax().convertToFloat();
    if (lo == 0.0f && hi == 6.0f)
      return Activation::Relu6;
    if (lo == 0.0f && hi == std::numeric_limits<float>::max())
      return Activation::Relu;
  }
  return std::nullopt;
}

/// act(producer(...)) -> producer(...) with `activation = act`.
template <typename ActOp>
struct FuseIntoProducer : OpRewritePattern<ActOp> {
  using OpRewritePattern<ActOp>::OpRewritePattern;

  LogicalResult matchAndRewrite(ActOp act,
                                PatternRewriter &rewriter) const override {
    std::optional<Activation> kind = activationOf(act);
    Operation *producer = act.getInput().getDefiningOp();
    if (!kind || !producer || !isa<ConvOp, GemmOp>(producer) ||
        !producer->hasOneUse())
      return rewriter.notifyMatchFailure(act, "no sole conv/gemm producer");
    auto current = producer->template getAttrOfType<ActivationAttr>(
        "activation");
    if (current && current.getValue() != Activation::None)
      return rewriter.notifyMatchFailure(act, "producer already activated");
    rewriter.modifyOpInPlace(producer, [&] {
      producer->setAttr("activation",
                        ActivationAttr::get(rewriter.getContext(), *kind));
    });
    rewriter.replaceOp(act, producer->getResult(0));
    return success();
  }
};

struct GhostFuseActivationsPass
    : ghostc::ghost::impl::GhostFuseActivationsBase<GhostFuseActivationsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FuseIntoProducer<ReluOp>, FuseIntoProducer<ClipOp>,
                 FuseIntoProducer<SigmoidOp>, FuseIntoProducer<HardSigmoidOp>,
                 FuseIntoProducer<HardSwishOp>, FuseIntoProducer<SiluOp>>(
        &getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
