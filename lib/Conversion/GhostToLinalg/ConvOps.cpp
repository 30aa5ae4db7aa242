//===- ConvOps.cpp - conv, ghost_module, se and pooling to linalg ---------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#include "LinalgBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"

#include <limits>

using namespace mlir;
using namespace ghostc;
using namespace ghostc::ghost;
using namespace ghostc::linalg_builders;

namespace {

/// Whether `op` is a dense layer in disguise: a 1x1 convolution without
/// padding or groups of 1x1 planes (a classifier head after global pooling).
bool isDenseLayer(ConvOp op) {
  auto in = cast<RankedTensorType>(op.getInput().getType());
  auto weight = cast<RankedTensorType>(op.getWeight().getType());
  return op.getGroup() == 1 && in.getDimSize(2) == 1 &&
         in.getDimSize(3) == 1 && weight.getDimSize(2) == 1 &&
         weight.getDimSize(3) == 1 &&
         llvm::all_of(op.getPads(), [](int64_t pad) { return pad == 0; });
}

struct ConvLowering : OpRewritePattern<ConvOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ConvOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = cast<RankedTensorType>(op.getType());
    if (isDenseLayer(op)) {
      // out[n, f] = bias[f] + sum_c in[n, c] * w[f, c]: a matrix-vector
      // product over the packed weights, vectorised along f.
      int64_t n = type.getDimSize(0), f = type.getDimSize(1);
      auto inType = cast<RankedTensorType>(op.getInput().getType());
      Value input =
          reshape(rewriter, loc, op.getInput(), {n, inType.getDimSize(1)});
      Value init = broadcastBias(rewriter, loc, op.getBias(),
                                 emptyTensor(rewriter, loc, {n, f}));
      Value sum = denseLayer(
          rewriter, loc, input, /*lhsTransposed=*/false,
          reshape(rewriter, loc, op.getWeight(), {f, inType.getDimSize(1)}),
          /*rhsTransposed=*/true, init, 1.0f);
      sum = activateTensor(rewriter, loc, op.getActivation(), sum);
      rewriter.replaceOp(op, reshape(rewriter, loc, sum, type.getShape()));
      return success();
    }
    Value init = broadcastBias(rewriter, loc, op.getBias(),
                               emptyTensor(rewriter, loc, type.getShape()));
    Value sum = convolve(rewriter, loc, op.getInput(), op.getWeight(), init,
                         type.getDimSize(1) / op.getGroup(), op.getStrides(),
                         op.getPads(), op.getDilations());
    rewriter.replaceOp(op,
                       activateTensor(rewriter, loc, op.getActivation(), sum));
    return success();
  }
};

/// The two halves go straight into the result: the primary convolution into
/// channels [0, init), the kept cheap channels into [init, oup).
struct GhostModuleLowering : OpRewritePattern<GhostModuleOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(GhostModuleOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = cast<RankedTensorType>(op.getType());
    int64_t n = type.getDimSize(0), h = type.getDimSize(2),
            w = type.getDimSize(3);
    int64_t oup = op.getOup(), ratio = op.getRatio();
    int64_t init = llvm::divideCeilSigned(oup, ratio);
    int64_t kept = oup - init;
    int64_t k = op.getKernel(), dw = op.getDwSize(), s = op.getStride();
    Activation act = op.getActivation();

    Value result = emptyTensor(rewriter, loc, type.getShape());
    auto slot = [&](Value dest, int64_t offset, int64_t channels) {
      return extractSlice(rewriter, loc, dest, {0, offset, 0, 0},
                          {n, channels, h, w});
    };
    Value primaryInit =
        broadcastBias(rewriter, loc, op.getPrimaryBias(), slot(result, 0, init));
    Value primary = convolve(rewriter, loc, op.getInput(),
                             op.getPrimaryWeight(), primaryInit, init,
                             {s, s}, {k / 2, k / 2, k / 2, k / 2}, {1, 1});
    primary = activateTensor(rewriter, loc, act, primary);
    // Read the primary half for the cheap convolution before anything writes
    // to the cheap channels: bufferization then keeps the primary half in
    // the result buffer instead of computing it aside and copying it in.
    Value paddedPrimary =
        kept > 0 ? pad(rewriter, loc, primary, {0, 0, dw / 2, dw / 2},
                       {0, 0, dw / 2, dw / 2}, 0.0f)
                 : Value();
    result = insertSlice(rewriter, loc, primary, result, {0, 0, 0, 0});
    if (kept > 0) {
      // Only the cheap channels the module keeps: the first `kept` filters.
      Value weight = extractSlice(rewriter, loc, op.getCheapWeight(),
                                  {0, 0, 0, 0}, {kept, 1, dw, dw});
      Value bias = extractSlice(rewriter, loc, op.getCheapBias(), {0}, {kept});
      Value cheapInit =
          broadcastBias(rewriter, loc, bias, slot(result, init, kept));
      Value cheap = convolve(rewriter, loc, paddedPrimary, weight, cheapInit,
                             ratio - 1, {1, 1}, {0, 0, 0, 0}, {1, 1});
      cheap = activateTensor(rewriter, loc, act, cheap);
      result = insertSlice(rewriter, loc, cheap, result, {0, init, 0, 0});
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// s = mean(x); r = relu(w1 s + b1); g = gate(w2 r + b2); y = x * g.
struct SELowering : OpRewritePattern<SEOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(SEOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    auto type = cast<RankedTensorType>(op.getType());
    int64_t n = type.getDimSize(0), c = type.getDimSize(1);
    int64_t reduced = cast<RankedTensorType>(op.getW1().getType()).getDimSize(0);
    AffineExpr d0, d1, d2, d3;
    bindDims(context, d0, d1, d2, d3);

    // Squeeze: the mean of every channel.
    Value means = mean(rewriter, loc, op.getInput(), {2, 3});
    // A dense layer on the means: acc[n, out] += v[n, in] * w[out, in].
    auto dense = [&](Value input, Value weight, Value bias, int64_t outSize,
                     Activation act) {
      Value init = generic(rewriter, loc, bias,
                           AffineMap::get(2, 0, {d1}, context),
                           emptyTensor(rewriter, loc, {n, outSize}), 2,
                           [](OpBuilder &, Location, ValueRange a) { return a[0]; });
      Value acc = denseLayer(rewriter, loc, input, /*lhsTransposed=*/false,
                             weight, /*rhsTransposed=*/true, init, 1.0f);
      return activateTensor(rewriter, loc, act, acc);
    };
    Value hidden = dense(means, op.getW1(), op.getB1(), reduced,
                         Activation::Relu);
    Value gate = dense(hidden, op.getW2(), op.getB2(), c,
                       op.getGate() == SEGate::HardSigmoid
                           ? Activation::HardSigmoid
                           : Activation::Sigmoid);
    // Excite: scale every channel of x by its gate.
    Value result = generic(
        rewriter, loc, {op.getInput(), gate},
        {rewriter.getMultiDimIdentityMap(4), AffineMap::get(4, 0, {d0, d1}, context)},
        emptyTensor(rewriter, loc, type.getShape()), 4,
        [](OpBuilder &b, Location l, ValueRange a) {
          return arith::MulFOp::create(b, l, a[0], a[1]);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct GlobalAveragePoolLowering : OpRewritePattern<GlobalAveragePoolOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(GlobalAveragePoolOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto inType = cast<RankedTensorType>(op.getInput().getType());
    int64_t n = inType.getDimSize(0), c = inType.getDimSize(1);
    Value means = mean(rewriter, loc, op.getInput(), {2, 3});
    rewriter.replaceOp(op, reshape(rewriter, loc, means, {n, c, 1, 1}));
    return success();
  }
};

/// Shared by average and max pooling: a window reduction over the padded
/// input. The end padding grows so that ceil-mode windows stay in bounds.
template <typename PoolOp>
Value poolWindows(PatternRewriter &rewriter, PoolOp op, float padValue,
                  bool isMax) {
  Location loc = op.getLoc();
  auto inType = cast<RankedTensorType>(op.getInput().getType());
  auto outType = cast<RankedTensorType>(op.getType());
  ArrayRef<int64_t> kernel = op.getKernel(), strides = op.getStrides(),
                    pads = op.getPads(), dilations = op.getDilations();
  SmallVector<int64_t> high(4, 0), low = {0, 0, pads[0], pads[1]};
  for (int axis = 0; axis < 2; ++axis) {
    int64_t needed = (outType.getDimSize(2 + axis) - 1) * strides[axis] +
                     (kernel[axis] - 1) * dilations[axis] + 1;
    int64_t have = inType.getDimSize(2 + axis) + pads[axis];
    high[2 + axis] = std::max<int64_t>(needed - have, 0);
  }
  Value padded = pad(rewriter, loc, op.getInput(), low, high, padValue);
  // linalg's pooling ops, so that ghost-lower-convolutions gives them the
  // depthwise kernels (their window operand only gives the loops ky, kx
  // their extent).
  Value window = emptyTensor(rewriter, loc, kernel);
  Value init = filledTensor(rewriter, loc, outType.getShape(), padValue);
  DenseIntElementsAttr stridesAttr = rewriter.getI64TensorAttr(strides);
  DenseIntElementsAttr dilationsAttr = rewriter.getI64TensorAttr(dilations);
  if (isMax)
    return linalg::PoolingNchwMaxOp::create(
               rewriter, loc, TypeRange{outType}, ValueRange{padded, window},
               ValueRange{init}, stridesAttr, dilationsAttr)
        .getResult(0);
  return linalg::PoolingNchwSumOp::create(
             rewriter, loc, TypeRange{outType}, ValueRange{padded, window},
             ValueRange{init}, stridesAttr, dilationsAttr)
      .getResult(0);
}

struct MaxPoolLowering : OpRewritePattern<MaxPoolOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(MaxPoolOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, poolWindows(rewriter, op, std::numeric_limits<float>::lowest(),
                        /*isMax=*/true));
    return success();
  }
};

struct AveragePoolLowering : OpRewritePattern<AveragePoolOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(AveragePoolOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value sums = poolWindows(rewriter, op, 0.0f, /*isMax=*/false);
    // The divisor of each output position, known at compile time: the
    // window clipped to the padded input (count_include_pad) or to the
    // real input.
    auto inType = cast<RankedTensorType>(op.getInput().getType());
    auto outType = cast<RankedTensorType>(op.getType());
    ArrayRef<int64_t> kernel = op.getKernel(), strides = op.getStrides(),
                      pads = op.getPads(), dilations = op.getDilations();
    int64_t outH = outType.getDimSize(2), outW = outType.getDimSize(3);
    std::vector<float> inverse(outH * outW);
    // The taps of window `index` on `axis` that count: inside the padded
    // input (a ceil-mode window may reach past it), or inside the input.
    auto extent = [&](int axis, int64_t index) {
      int64_t in = inType.getDimSize(2 + axis);
      int64_t start = index * strides[axis] - pads[axis];
      int64_t lo = op.getCountIncludePad() ? -pads[axis] : 0;
      int64_t hi = op.getCountIncludePad() ? in + pads[2 + axis] : in;
      int64_t count = 0;
      for (int64_t tap = 0; tap < kernel[axis]; ++tap) {
        int64_t at = start + tap * dilations[axis];
        count += at >= lo && at < hi;
      }
      return count;
    };
    for (int64_t y = 0; y < outH; ++y)
      for (int64_t x = 0; x < outW; ++x)
        inverse[y * outW + x] =
            1.0f / float(std::max<int64_t>(extent(0, y) * extent(1, x), 1));
    auto divisorType = RankedTensorType::get({outH, outW}, rewriter.getF32Type());
    Value divisors = arith::ConstantOp::create(
        rewriter, loc, DenseElementsAttr::get(divisorType, ArrayRef(inverse)));
    AffineExpr n, c, y, x;
    bindDims(rewriter.getContext(), n, c, y, x);
    Value result = generic(
        rewriter, loc, divisors,
        AffineMap::get(4, 0, {y, x}, rewriter.getContext()), sums, 4,
        [](OpBuilder &b, Location l, ValueRange a) {
          return arith::MulFOp::create(b, l, a[1], a[0]);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void linalg_builders::populateConvPatterns(RewritePatternSet &patterns) {
  patterns.add<ConvLowering, GhostModuleLowering, SELowering,
               GlobalAveragePoolLowering, MaxPoolLowering, AveragePoolLowering>(
      patterns.getContext());
}
