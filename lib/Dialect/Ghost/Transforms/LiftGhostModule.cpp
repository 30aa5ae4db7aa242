//===- LiftGhostModule.cpp - lift Ghost modules into ghost.ghost_module ---===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// A GhostNet Ghost module arrives from ONNX as
//
//   p = conv(x)             k×k, stride s, pad k/2, `init` channels
//   c = conv(p)             dw×dw depthwise-style: group = init, stride 1,
//                           pad dw/2, init * (ratio - 1) channels
//   y = slice(concat(p, c), channels [0, oup))     (slice optional)
//
// and becomes one ghost.ghost_module, so that the lowering can write both
// halves straight into y's buffer. Anything that only almost matches (another
// user of p or c, another axis, a non-depthwise cheap conv, a slice that does
// not start at channel 0) is left alone.
//
//===----------------------------------------------------------------------===//

#include "PatternUtils.h"

#include "ghostc/Dialect/Ghost/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace ghostc::ghost {
#define GEN_PASS_DEF_GHOSTLIFTGHOSTMODULE
#include "ghostc/Dialect/Ghost/Passes.h.inc"
} // namespace ghostc::ghost

using namespace mlir;
using namespace ghostc::ghost;

namespace {

/// The number of leading channels `slice` keeps when it keeps exactly
/// channels [0, n) and every other axis whole; std::nullopt otherwise.
std::optional<int64_t> leadingChannels(SliceOp slice) {
  auto inputShape = slice.getInput().getType().getShape();
  ArrayRef<int64_t> starts = slice.getStarts(), sizes = slice.getSizes();
  if (inputShape.size() != 4 || !allEqual(starts, 0) ||
      !allEqual(slice.getSteps(), 1))
    return std::nullopt;
  for (int axis : {0, 2, 3})
    if (sizes[axis] != inputShape[axis])
      return std::nullopt;
  return sizes[1];
}

struct LiftGhostModule : OpRewritePattern<ConcatOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ConcatOp concat,
                                PatternRewriter &rewriter) const override {
    if (concat.getAxis() != 1 || concat.getInputs().size() != 2)
      return rewriter.notifyMatchFailure(concat, "not a 2-way channel concat");
    auto primary = concat.getInputs()[0].getDefiningOp<ConvOp>();
    auto cheap = concat.getInputs()[1].getDefiningOp<ConvOp>();
    if (!primary || !cheap || cheap.getInput() != primary.getResult())
      return rewriter.notifyMatchFailure(concat, "not concat(conv(x), conv(conv(x)))");

    // Uses: p feeds exactly the cheap conv and the concat, c only the concat.
    if (!cheap->hasOneUse() ||
        !llvm::hasNItems(primary->getUses().begin(), primary->getUses().end(),
                         2))
      return rewriter.notifyMatchFailure(concat, "intermediate has other users");

    // Primary: square, ungrouped, unit dilation, stride s on both axes,
    // padded by k/2 on every side.
    auto [k, kw] = kernelSize(primary);
    ArrayRef<int64_t> strides = primary.getStrides();
    if (k != kw || primary.getGroup() != 1 ||
        !allEqual(primary.getDilations(), 1) || strides[0] != strides[1] ||
        !allEqual(primary.getPads(), k / 2))
      return rewriter.notifyMatchFailure(concat, "primary conv shape");

    // Cheap: one group per primary channel, odd square kernel, stride 1,
    // padded by dw/2, ratio - 1 output channels per group.
    int64_t init = primary.getType().getDimSize(1);
    auto [dw, dwW] = kernelSize(cheap);
    int64_t cheapChannels = cheap.getType().getDimSize(1);
    if (dw != dwW || dw % 2 == 0 || static_cast<int64_t>(cheap.getGroup()) != init ||
        cheapChannels % init != 0 || !allEqual(cheap.getStrides(), 1) ||
        !allEqual(cheap.getDilations(), 1) || !allEqual(cheap.getPads(), dw / 2))
      return rewriter.notifyMatchFailure(concat, "cheap conv is not depthwise");

    Activation act = primary.getActivation();
    if (act != cheap.getActivation() ||
        (act != Activation::None && act != Activation::Relu))
      return rewriter.notifyMatchFailure(concat, "activations differ");

    // The kept channels: those of a following slice of the leading channels
    // when a module with that oup has `init` primary channels, else all.
    int64_t ratio = cheapChannels / init + 1;
    int64_t oup = init + cheapChannels;
    Operation *root = concat;
    if (concat->hasOneUse())
      if (auto slice = dyn_cast<SliceOp>(*concat->getUsers().begin()))
        if (std::optional<int64_t> kept = leadingChannels(slice);
            kept && llvm::divideCeilSigned(*kept, ratio) == init) {
          oup = *kept;
          root = slice;
        }

    rewriter.setInsertionPoint(root);
    Value primaryBias = biasOrZeros(rewriter, primary);
    Value cheapBias = biasOrZeros(rewriter, cheap);
    rewriter.replaceOpWithNewOp<GhostModuleOp>(
        root, root->getResult(0).getType(), primary.getInput(),
        primary.getWeight(), primaryBias, cheap.getWeight(), cheapBias, oup,
        ratio, k, dw, strides[0], act);
    return success();
  }
};

struct GhostLiftGhostModulePass
    : ghostc::ghost::impl::GhostLiftGhostModuleBase<GhostLiftGhostModulePass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<LiftGhostModule>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
