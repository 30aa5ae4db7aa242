//===- FoldBatchNorm.cpp - fold BatchNormalization into convolutions ------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Inference BatchNormalization is an affine map per channel,
// y = x * s + t with s = gamma / sqrt(var + eps) and t = beta - mean * s.
// Next to a convolution it folds into the weights and bias; elsewhere it
// becomes one mul and one add by constants.
//
//===----------------------------------------------------------------------===//

#include "PatternUtils.h"

#include "ghostc/Dialect/Ghost/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>

namespace ghostc::ghost {
#define GEN_PASS_DEF_GHOSTFOLDBATCHNORM
#include "ghostc/Dialect/Ghost/Passes.h.inc"
} // namespace ghostc::ghost

using namespace mlir;
using namespace ghostc::ghost;

namespace {

/// A batch normalisation's per-channel scale `s` and shift `t`.
struct ScaleShift {
  std::vector<float> scale, shift;
};

std::optional<ScaleShift> scaleShiftOf(BatchNormOp bn) {
  auto gamma = constantValues(bn.getScale());
  auto beta = constantValues(bn.getBias());
  auto mean = constantValues(bn.getMean());
  auto var = constantValues(bn.getVar());
  if (!gamma || !beta || !mean || !var)
    return std::nullopt;
  ScaleShift result;
  float epsilon = bn.getEpsilon().convertToFloat();
  for (size_t c = 0; c < gamma->size(); ++c) {
    // Computed in double: the folded weights then match PyTorch's eval-mode
    // BatchNorm to float rounding.
    double s = (*gamma)[c] / std::sqrt(double((*var)[c]) + epsilon);
    result.scale.push_back(static_cast<float>(s));
    result.shift.push_back(static_cast<float>((*beta)[c] - (*mean)[c] * s));
  }
  return result;
}

/// Rebuilds `conv` with new weights and bias, keeping every attribute.
Value rebuildConv(PatternRewriter &rewriter, ConvOp conv, Value input,
                  std::vector<float> weight, std::vector<float> bias) {
  Location loc = conv.getLoc();
  Value newWeight = createConstant(
      rewriter, loc, conv.getWeight().getType().getShape(), std::move(weight),
      derivedConstantName(conv.getWeight(), ".bn"));
  int64_t channels = bias.size();
  Value newBias = createConstant(rewriter, loc, {channels}, std::move(bias),
                                 derivedConstantName(conv.getBias(), ".bn"));
  return ConvOp::create(rewriter, loc, conv.getType(), input, newWeight,
                        newBias, conv.getStrides(), conv.getPads(),
                        conv.getDilations(), conv.getGroup(),
                        conv.getActivation());
}

/// batch_norm(conv(x)) -> conv'(x).
struct FoldIntoProducer : OpRewritePattern<BatchNormOp> {
  FoldIntoProducer(MLIRContext *context)
      : OpRewritePattern(context, /*benefit=*/3) {}

  LogicalResult matchAndRewrite(BatchNormOp bn,
                                PatternRewriter &rewriter) const override {
    auto conv = bn.getInput().getDefiningOp<ConvOp>();
    if (!conv || !conv->hasOneUse() ||
        conv.getActivation() != Activation::None)
      return rewriter.notifyMatchFailure(bn, "not the only user of a plain conv");
    std::optional<ScaleShift> affine = scaleShiftOf(bn);
    std::optional<std::vector<float>> weight =
        constantValues(conv.getWeight());
    std::optional<std::vector<float>> bias =
        conv.getBias() ? constantValues(conv.getBias())
                       : std::vector<float>(affine ? affine->scale.size() : 0);
    if (!affine || !weight || !bias)
      return rewriter.notifyMatchFailure(bn, "non-constant parameters");

    size_t outChannels = affine->scale.size();
    size_t perChannel = weight->size() / outChannels;
    for (size_t o = 0; o < outChannels; ++o) {
      for (size_t i = 0; i < perChannel; ++i)
        (*weight)[o * perChannel + i] *= affine->scale[o];
      (*bias)[o] = (*bias)[o] * affine->scale[o] + affine->shift[o];
    }
    rewriter.replaceOp(bn, rebuildConv(rewriter, conv, conv.getInput(),
                                       std::move(*weight), std::move(*bias)));
    return success();
  }
};

/// conv(batch_norm(x)) -> conv'(x) for an unpadded conv: without padding
/// every input element the conv reads went through the normalisation, so
/// the shift folds into the bias exactly.
struct FoldIntoConsumer : OpRewritePattern<BatchNormOp> {
  FoldIntoConsumer(MLIRContext *context)
      : OpRewritePattern(context, /*benefit=*/2) {}

  LogicalResult matchAndRewrite(BatchNormOp bn,
                                PatternRewriter &rewriter) const override {
    if (!bn->hasOneUse())
      return rewriter.notifyMatchFailure(bn, "more than one user");
    auto conv = dyn_cast<ConvOp>(*bn->getUsers().begin());
    if (!conv || conv.getInput() != bn.getResult() ||
        !allEqual(conv.getPads(), 0))
      return rewriter.notifyMatchFailure(bn, "not the input of an unpadded conv");
    std::optional<ScaleShift> affine = scaleShiftOf(bn);
    std::optional<std::vector<float>> weight =
        constantValues(conv.getWeight());
    int64_t outChannels = conv.getWeight().getType().getDimSize(0);
    std::optional<std::vector<float>> bias =
        conv.getBias() ? constantValues(conv.getBias())
                       : std::vector<float>(outChannels, 0.0f);
    if (!affine || !weight || !bias)
      return rewriter.notifyMatchFailure(bn, "non-constant parameters");

    // weight[o, c, ky, kx] reads input channel g * Cg + c, g = o / (O / G).
    auto shape = conv.getWeight().getType().getShape();
    int64_t perGroupIn = shape[1], window = shape[2] * shape[3];
    int64_t perGroupOut = outChannels / conv.getGroup();
    for (int64_t o = 0; o < outChannels; ++o) {
      int64_t group = o / perGroupOut;
      double shiftSum = 0;
      for (int64_t c = 0; c < perGroupIn; ++c) {
        int64_t channel = group * perGroupIn + c;
        for (int64_t k = 0; k < window; ++k) {
          float &w = (*weight)[(o * perGroupIn + c) * window + k];
          shiftSum += double(w) * affine->shift[channel];
          w *= affine->scale[channel];
        }
      }
      (*bias)[o] += static_cast<float>(shiftSum);
    }
    rewriter.setInsertionPoint(conv);
    rewriter.replaceOp(conv, rebuildConv(rewriter, conv, bn.getInput(),
                                         std::move(*weight), std::move(*bias)));
    rewriter.eraseOp(bn);
    return success();
  }
};

/// Any other batch_norm -> a 1x1 depthwise conv with weights s and bias t
/// (NCHW), or mul(x, s) + t with s, t shaped to broadcast over the channel
/// axis (other ranks).
struct ExpandToScaleShift : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BatchNormOp bn,
                                PatternRewriter &rewriter) const override {
    std::optional<ScaleShift> affine = scaleShiftOf(bn);
    if (!affine)
      return rewriter.notifyMatchFailure(bn, "non-constant parameters");
    auto type = cast<RankedTensorType>(bn.getType());
    if (type.getRank() == 4) {
      // NCHW: a 1x1 depthwise convolution, whose kernel applies the scale
      // and the shift in one pass and takes in the activation after it
      // (ghost-fuse-activations).
      int64_t channels = type.getDimSize(1);
      Location loc = bn.getLoc();
      Value weight = createConstant(rewriter, loc, {channels, 1, 1, 1},
                                    std::move(affine->scale));
      Value bias =
          createConstant(rewriter, loc, {channels}, std::move(affine->shift));
      rewriter.replaceOpWithNewOp<ConvOp>(
          bn, type, bn.getInput(), weight, bias, ArrayRef<int64_t>{1, 1},
          ArrayRef<int64_t>{0, 0, 0, 0}, ArrayRef<int64_t>{1, 1}, channels,
          Activation::None);
      return success();
    }
    SmallVector<int64_t> shape(type.getRank() - 1, 1);
    shape[0] = type.getDimSize(1);
    Location loc = bn.getLoc();
    Value scale = createConstant(rewriter, loc, shape, affine->scale);
    Value shift = createConstant(rewriter, loc, shape, affine->shift);
    Value scaled = MulOp::create(rewriter, loc, bn.getInput(), scale);
    rewriter.replaceOpWithNewOp<AddOp>(bn, scaled, shift);
    return success();
  }
};

struct GhostFoldBatchNormPass
    : ghostc::ghost::impl::GhostFoldBatchNormBase<GhostFoldBatchNormPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FoldIntoProducer, FoldIntoConsumer, ExpandToScaleShift>(
        &getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
