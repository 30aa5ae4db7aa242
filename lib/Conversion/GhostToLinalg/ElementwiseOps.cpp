//===- ElementwiseOps.cpp - element-wise ghost ops to linalg --------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#include "LinalgBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;
using namespace ghostc;
using namespace ghostc::ghost;
using namespace ghostc::linalg_builders;

namespace {

struct ConstantLowering : OpRewritePattern<ConstantOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ConstantOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, op.getValue());
    return success();
  }
};

/// Unary ops whose element function is one of the shared activations.
template <typename OpTy, Activation Act>
struct ActivationLowering : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, elementwise(rewriter, op.getLoc(), op.getInput(),
                                       [](OpBuilder &b, Location l,
                                          ValueRange a) {
                                         return activate(b, l, Act, a[0]);
                                       }));
    return success();
  }
};

struct ClipLowering : OpRewritePattern<ClipOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ClipOp op,
                                PatternRewriter &rewriter) const override {
    float lo = op.getMin().convertToFloat(), hi = op.getMax().convertToFloat();
    rewriter.replaceOp(
        op, elementwise(rewriter, op.getLoc(), op.getInput(),
                        [&](OpBuilder &b, Location l, ValueRange a) {
                          Value low =
                              arith::MaximumFOp::create(b, l, a[0], f32(b, l, lo));
                          return arith::MinimumFOp::create(b, l, low,
                                                           f32(b, l, hi));
                        }));
    return success();
  }
};

struct HardSigmoidLowering : OpRewritePattern<HardSigmoidOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(HardSigmoidOp op,
                                PatternRewriter &rewriter) const override {
    float alpha = op.getAlpha().convertToFloat();
    float beta = op.getBeta().convertToFloat();
    rewriter.replaceOp(
        op, elementwise(rewriter, op.getLoc(), op.getInput(),
                        [&](OpBuilder &b, Location l, ValueRange a) {
                          Value scaled = arith::MulFOp::create(
                              b, l, a[0], f32(b, l, alpha));
                          Value shifted =
                              arith::AddFOp::create(b, l, scaled, f32(b, l, beta));
                          Value low = arith::MaximumFOp::create(
                              b, l, shifted, f32(b, l, 0.0f));
                          return arith::MinimumFOp::create(b, l, low,
                                                           f32(b, l, 1.0f));
                        }));
    return success();
  }
};

struct LeakyReluLowering : OpRewritePattern<LeakyReluOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(LeakyReluOp op,
                                PatternRewriter &rewriter) const override {
    float alpha = op.getAlpha().convertToFloat();
    rewriter.replaceOp(
        op, elementwise(rewriter, op.getLoc(), op.getInput(),
                        [&](OpBuilder &b, Location l, ValueRange a) {
                          Value scaled =
                              arith::MulFOp::create(b, l, a[0], f32(b, l, alpha));
                          Value positive = arith::CmpFOp::create(
                              b, l, arith::CmpFPredicate::OGE, a[0],
                              f32(b, l, 0.0f));
                          return arith::SelectOp::create(b, l, positive, a[0],
                                                         scaled);
                        }));
    return success();
  }
};

/// Broadcasting binary arithmetic: one generic over the result's shape.
template <typename OpTy, typename ArithOp>
struct BinaryLowering : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    auto type = cast<RankedTensorType>(op.getType());
    MLIRContext *context = rewriter.getContext();
    auto mapOf = [&](Value v) {
      return broadcastMap(context, cast<RankedTensorType>(v.getType()).getShape(),
                          type.getShape());
    };
    rewriter.replaceOp(
        op, generic(rewriter, op.getLoc(), {op.getLhs(), op.getRhs()},
                    {mapOf(op.getLhs()), mapOf(op.getRhs())},
                    emptyTensor(rewriter, op.getLoc(), type.getShape()),
                    type.getRank(), [](OpBuilder &b, Location l, ValueRange a) {
                      return ArithOp::create(b, l, a[0], a[1]);
                    }));
    return success();
  }
};

/// (x - mean) / sqrt(var + eps) * scale + bias, per channel of axis 1.
struct BatchNormLowering : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BatchNormOp op,
                                PatternRewriter &rewriter) const override {
    auto type = cast<RankedTensorType>(op.getType());
    float epsilon = op.getEpsilon().convertToFloat();
    AffineMap channel = AffineMap::get(type.getRank(), 0,
                                       rewriter.getAffineDimExpr(1),
                                       rewriter.getContext());
    AffineMap identity = rewriter.getMultiDimIdentityMap(type.getRank());
    rewriter.replaceOp(
        op, generic(rewriter, op.getLoc(),
                    {op.getInput(), op.getScale(), op.getBias(), op.getMean(),
                     op.getVar()},
                    {identity, channel, channel, channel, channel},
                    emptyTensor(rewriter, op.getLoc(), type.getShape()),
                    type.getRank(), [&](OpBuilder &b, Location l, ValueRange a) {
                      Value centered = arith::SubFOp::create(b, l, a[0], a[3]);
                      Value variance =
                          arith::AddFOp::create(b, l, a[4], f32(b, l, epsilon));
                      Value inverse = math::RsqrtOp::create(b, l, variance);
                      Value normalized =
                          arith::MulFOp::create(b, l, centered, inverse);
                      Value scaled = arith::MulFOp::create(b, l, normalized, a[1]);
                      return arith::AddFOp::create(b, l, scaled, a[2]);
                    }));
    return success();
  }
};

} // namespace

void linalg_builders::populateElementwisePatterns(RewritePatternSet &patterns) {
  patterns.add<ConstantLowering, ClipLowering, HardSigmoidLowering,
               LeakyReluLowering, BatchNormLowering,
               ActivationLowering<ReluOp, Activation::Relu>,
               ActivationLowering<SigmoidOp, Activation::Sigmoid>,
               ActivationLowering<HardSwishOp, Activation::HardSwish>,
               ActivationLowering<SiluOp, Activation::Silu>,
               BinaryLowering<AddOp, arith::AddFOp>,
               BinaryLowering<SubOp, arith::SubFOp>,
               BinaryLowering<MulOp, arith::MulFOp>,
               BinaryLowering<DivOp, arith::DivFOp>>(patterns.getContext());
}
