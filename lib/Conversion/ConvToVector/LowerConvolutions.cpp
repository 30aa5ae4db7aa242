//===- LowerConvolutions.cpp - convolutions to vector kernels -------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Lowers linalg.conv_2d_nchw_fchw and linalg.depthwise_conv_2d_nchw_chw on
// buffers with static shapes, grouped convolutions (the linalg.generic that
// linalg_builders::convolve writes for them), and the pooling ops
// linalg.pooling_nchw_max
// and linalg.pooling_nchw_sum as depthwise windows that combine by maximum or
// sum instead of multiply-add, to affine loop nests whose innermost body is a
// register block: `channelBlock` output channels times `vectorBlock` vectors
// of `vectorWidth` consecutive output columns, accumulated in registers over
// the whole reduction and stored once. Every input vector feeds
// `channelBlock` fused multiply-adds, every broadcast weight `vectorBlock`.
//
// Columns are the vector dimension because NCHW rows are contiguous: at
// stride 1 an input vector is one load; at stride s it is one load of s
// vectors' worth of columns and a shuffle that keeps every s-th lane. A 1x1
// stride-1 convolution sees its H*W plane as one row, so that the small
// planes of late stages (7x7, 14x14) fill whole vectors. Row ends are
// handled by masked transfers on the last block of a row only.
//
// Dense convolutions other than 1x1 stride 1 (but 1x1 projections on small
// planes) whose filters are constants
// are computed the other way round (ChannelKernelEmitter): output channels
// in the vector lanes, weights packed at compile time so that a tap's
// weights for a vector of output channels are one load, one broadcast
// input value per output pixel, and the sums transposed in registers
// before the store. Strides, narrow planes and padding then cost nothing:
// ResNet-18's convolutions went from 69-200 GFLOP/s to 125-223 (the
// machine's FMA peak is about 225).
//
// What surrounds a convolution after bufferization is folded into its
// kernel, so that the output and the input are each touched once: the
// bias broadcast (or fill) that initialises the output becomes the
// accumulators' start, the in-place activation after it runs on the
// registers before the store, and a zero-padded copy of the input is
// replaced by reads of the input itself, bounded: rows outside it are left
// out of the (unrolled) border rows, and blocks at a row's edges read
// masked vectors shifted with zeros.
//
//===----------------------------------------------------------------------===//

#include "Buffers.h"
#include "ghostc/Conversion/GroupedConvolution.h"
#include "ghostc/Conversion/Passes.h"
#include "ghostc/Support/Weights.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "ghostc/Target/TargetDescription.h"
#include "llvm/TargetParser/Triple.h"

#include <limits>

namespace ghostc {
#define GEN_PASS_DEF_GHOSTLOWERCONVOLUTIONS
#include "ghostc/Conversion/Passes.h.inc"
} // namespace ghostc

using namespace mlir;
using ghostc::rootBuffer;

namespace {

/// Register blocking, from the pass options.
struct Blocking {
  int64_t vectorWidth, channelBlock, vectorBlock;
  /// Depthwise windows: blocks of at least `depthwiseRows` output rows of
  /// one channel when more than 1, else one row of several channels.
  int64_t depthwiseRows;
};

/// A convolution on NCHW buffers: output [n, f, oh, ow] accumulates
/// input[n, c', y*sy + ky*dy, x*sx + kx*dx] * filter(f, c, ky, kx), where c'
/// is c (dense: the filter is [f, c, kh, kw]), (f floordiv (F / groups)) *
/// C + c (grouped: each group of F / groups output channels reads its own C
/// input channels) or f (depthwise: the filter is [f, kh, kw] and the
/// reduction has no channel loop).
struct Convolution {
  Value input, filter, output;
  bool depthwise;
  /// Groups of a grouped convolution; 1 for dense and depthwise ones.
  int64_t groups = 1;
  /// How a tap's input joins the sums: times its weight (convolutions), or,
  /// for pooling, by maximum or sum (the filter only gives the window).
  enum class Combine { MultiplyAdd, Maximum, Add };
  Combine combine = Combine::MultiplyAdd;
  /// What the padding holds, and masked-off input lanes read: the identity
  /// of the combination, the lowest float for a maximum, else 0.
  float padValue() const {
    return combine == Combine::Maximum ? std::numeric_limits<float>::lowest()
                                       : 0.0f;
  }
  /// inChannels: the input channels an output channel reads (C, per group).
  int64_t batch, inChannels, outChannels, kh, kw;
  int64_t outH, outW;
  int64_t strideY, strideX, dilationY, dilationX;
  /// Zero padding read through bounds instead of a padded copy: the input
  /// is the unpadded tensor, `inH` x `inW`, shifted by `padTop`, `padLeft`.
  int64_t inH, inW, padTop = 0, padLeft = 0;
  bool implicitPadding = false;
  /// Small planes read as one row: the input and output are [n, c, 1, h*w]
  /// views of planes `planeH` x `planeW` (0 when not flattened), the
  /// output's vectors run across rows, and each tap reads a contiguous run
  /// of the input plane whose lanes outside the padded tap are masked.
  int64_t planeH = 0, planeW = 0;
  /// Where the sums start, when the op that filled the output is fused:
  /// one value per output channel (`bias`, rank 1) or one for all
  /// (`initialValue`). With neither, the output holds the start.
  Value bias, initialValue;
  /// The element-wise op applied to the output right after the convolution
  /// (an activation, a residual add), fused into the store; or null. Its
  /// other inputs (`epilogueInputs`, by block argument) are read where the
  /// kernel stores, and the kernel stores into `result`: the output, or the
  /// epilogue's own output buffer when the output has no other reader.
  linalg::GenericOp epilogue;
  /// An element-wise op of one operand applied after the epilogue (a ReLU
  /// after a residual add), fused too; or null. It reads the epilogue's
  /// output, and `result` is its own.
  linalg::GenericOp epilogueNext;
  SmallVector<std::pair<unsigned, Value>> epilogueInputs;
  /// The epilogue's block arguments that are the output: the sums.
  SmallVector<unsigned> epilogueSums;
  Value result;
  /// A scale per batch and input channel that the input is multiplied by
  /// (squeeze-and-excitation's excite step, fused): the kernel scales the
  /// weights instead. Null when there is none. `inputScaleMap` maps
  /// (n, c, h, w) to its element: (n, c) for [n, c], (n, c, 0, 0) or
  /// (0, c, 0, 0) for [n, c, 1, 1].
  Value inputScale;
  AffineMap inputScaleMap;
};

/// Whether a depthwise window's register blocks are blocks of rows of one
/// channel (KernelEmitter), not one row of several channels.
static bool usesRowBlocks(const Convolution &conv, const Blocking &blocking) {
  return conv.depthwise && !conv.planeW && !conv.inputScale &&
         blocking.depthwiseRows > 1;
}

/// The largest divisor of `n` not above `bound` (at least 1): the size of
/// blocks that tile `n` exactly, e.g. a grouped convolution's channel
/// blocks, which must not straddle two groups.
static int64_t largestDivisorAtMost(int64_t n, int64_t bound) {
  int64_t divisor = std::max<int64_t>(bound, 1);
  while (n % divisor != 0)
    --divisor;
  return divisor;
}

/// The most taps (kh * kw) a window may have for its kernel to be emitted
/// here: 11 x 11.
constexpr int64_t kMaxTaps = 121;

/// What every kernel emitter needs: the convolution, its builder, loops,
/// folded index arithmetic, the row structure of implicit padding and the
/// fused epilogue.
class EmitterBase {
protected:
  EmitterBase(OpBuilder &b, Location loc, const Convolution &conv,
              int64_t vectorWidth)
      : b(b), loc(loc), conv(conv),
        vectorType(VectorType::get({vectorWidth}, b.getF32Type())),
        padding(arith::ConstantOp::create(b, loc,
                                          b.getF32FloatAttr(conv.padValue()))),
        root(padding.getDefiningOp()) {}

  /// One affine.for over [lb, ub) by `step` without loop-carried values.
  void loop(int64_t lb, int64_t ub, int64_t step,
            function_ref<void(Value)> body) {
    affine::AffineForOp::create(
        b, loc, lb, ub, step, ValueRange{},
        [&](OpBuilder &nested, Location, Value iv, ValueRange) {
          OpBuilder::InsertionGuard guard(b);
          b.setInsertionPointToStart(nested.getInsertionBlock());
          body(iv);
          affine::AffineYieldOp::create(b, loc);
        });
  }

  Value apply(AffineExpr expr, ArrayRef<Value> dims) {
    SmallVector<OpFoldResult> operands(dims.begin(), dims.end());
    OpFoldResult result = affine::makeComposedFoldedAffineApply(
        b, loc, AffineMap::get(dims.size(), 0, expr), operands);
    if (std::optional<int64_t> value = getConstantIntValue(result))
      return constant(*value);
    return cast<Value>(result);
  }

  /// One index constant per value, ahead of the whole nest.
  Value constant(int64_t value) {
    Value &cached = constants[value];
    if (!cached) {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPoint(root);
      cached = arith::ConstantIndexOp::create(b, loc, value);
    }
    return cached;
  }

  /// Every output row: `body(y, fixedY)`. With implicit padding, the rows
  /// whose taps leave the input are emitted one by one (fixedY set) with
  /// those taps left out; the rows between run in a loop with every tap in
  /// bounds.
  void forEachRow(function_ref<void(Value, std::optional<int64_t>)> body) {
    forEachRowBlock(1, [&](Value y, std::optional<int64_t> fixedY, int64_t) {
      body(y, fixedY);
    });
  }

  /// forEachRow in blocks of `rows` rows: `body(y, fixedY, count)`. Rows
  /// whose taps leave the input come one by one; the others in blocks of
  /// `rows` in a loop, and the interior rows left over as one block.
  void forEachRowBlock(
      int64_t rows,
      function_ref<void(Value, std::optional<int64_t>, int64_t)> body) {
    auto [first, last] = interiorRows();
    last = std::max(first, last);
    for (int64_t y = 0; y < first; ++y)
      body(constant(y), y, 1);
    int64_t whole = first + (last - first) / rows * rows;
    if (first < whole)
      loop(first, whole, rows, [&](Value y) { body(y, std::nullopt, rows); });
    if (whole < last)
      body(constant(whole), whole, last - whole);
    for (int64_t y = last; y < conv.outH; ++y)
      body(constant(y), y, 1);
  }

  /// One output row in blocks of `span` columns: `body(x, fixedX,
  /// columns)` for each. Blocks whose taps all read inside the input row
  /// (none left of column 0, none right of the last) run in a loop; the
  /// others, at the row's edges under implicit padding, and the last,
  /// narrower block are emitted one by one with x constant (fixedX).
  void forEachColumnBlock(
      int64_t span,
      function_ref<void(Value, std::optional<int64_t>, int64_t)> body) {
    int64_t whole = conv.outW - conv.outW % span;
    int64_t first =
        llvm::alignTo(llvm::divideCeil(conv.padLeft, conv.strideX), span);
    int64_t reach =
        conv.inW - 1 + conv.padLeft - (conv.kw - 1) * conv.dilationX;
    // Block [x, x + span) is interior when (x + span - 1) * sx <= reach.
    int64_t last = reach < 0 ? 0 : (reach / conv.strideX + 1) / span * span;
    last = conv.implicitPadding ? std::clamp<int64_t>(last, 0, whole) : whole;
    first = std::min(first, last);
    for (int64_t x = 0; x < first; x += span)
      body(constant(x), x, span);
    if (first < last)
      loop(first, last, span, [&](Value x) { body(x, std::nullopt, span); });
    for (int64_t x = last; x < whole; x += span)
      body(constant(x), x, span);
    if (whole < conv.outW)
      body(constant(whole), whole, conv.outW - whole);
  }

  /// The values `init` after `body(i, values)` for every i in [0, ub): an
  /// affine.for carrying them.
  SmallVector<Value> loopCarrying(
      int64_t ub, SmallVector<Value> init,
      function_ref<SmallVector<Value>(Value, SmallVector<Value>)> body) {
    auto forOp = affine::AffineForOp::create(
        b, loc, 0, ub, 1, init,
        [&](OpBuilder &nested, Location, Value i, ValueRange carried) {
          OpBuilder::InsertionGuard guard(b);
          b.setInsertionPointToStart(nested.getInsertionBlock());
          affine::AffineYieldOp::create(b, loc,
                                        body(i, llvm::to_vector(carried)));
        });
    return llvm::to_vector_of<Value>(forOp.getResults());
  }

  /// The sums `acc` after `accumulate(c, sums)` for every input channel c:
  /// an affine.for carrying them, or one call (c = 0) when there is one
  /// input channel or `once` (depthwise: the reduction has no channel loop).
  SmallVector<Value> reduceInputChannels(
      bool once, SmallVector<Value> acc,
      function_ref<SmallVector<Value>(Value, SmallVector<Value>)> accumulate) {
    if (once || conv.inChannels == 1)
      return accumulate(constant(0), std::move(acc));
    return loopCarrying(conv.inChannels, std::move(acc), accumulate);
  }

  /// The input channel that reduction step `c` reads for output channel
  /// `f` (or the block of output channels from `f`, which lies in one
  /// group).
  Value inputChannel(Value f, Value c) {
    if (conv.groups == 1)
      return c;
    AffineExpr d0, d1;
    bindDims(b.getContext(), d0, d1);
    return apply(d0.floorDiv(conv.outChannels / conv.groups) *
                         conv.inChannels +
                     d1,
                 {f, c});
  }

  /// A vector of `type` with every lane the padding value.
  Value paddingVector(VectorType type) {
    return arith::ConstantOp::create(
        b, loc,
        SplatElementsAttr::get(type, b.getF32FloatAttr(conv.padValue())));
  }

  /// The output rows [first, last) whose taps all read input rows.
  std::pair<int64_t, int64_t> interiorRows() const {
    if (conv.padTop == 0 && conv.inH >= (conv.outH - 1) * conv.strideY +
                                           (conv.kh - 1) * conv.dilationY + 1)
      return {0, conv.outH};
    int64_t first = llvm::divideCeil(conv.padTop, conv.strideY);
    int64_t reach = conv.inH - 1 + conv.padTop - (conv.kh - 1) * conv.dilationY;
    int64_t last = reach < 0 ? 0 : reach / conv.strideY + 1;
    first = std::min(first, conv.outH);
    return {first, std::clamp<int64_t>(last, first, conv.outH)};
  }

  /// The fused epilogue's scalar body (then the next op's) applied to every
  /// lane of `sum`. `inputs` are the epilogue's other inputs, by block
  /// argument (those of `conv`, or views of them).
  Value applyEpilogue(Value sum, ValueRange at, bool inBounds,
                      ArrayRef<std::pair<unsigned, Value>> inputs) {
    Block &body = conv.epilogue->getRegion(0).front();
    IRMapping lanes;
    // The output's argument is the sums; the other inputs' their vectors
    // at the same place.
    for (auto [arg, buffer] : inputs)
      lanes.map(body.getArgument(arg),
                vector::TransferReadOp::create(b, loc, vectorType, buffer, at,
                                               padding,
                                               ArrayRef<bool>{inBounds}));
    for (unsigned arg : conv.epilogueSums)
      lanes.map(body.getArgument(arg), sum);
    Value value = applyBody(body, lanes);
    if (!conv.epilogueNext)
      return value;
    // The next op's operands are all the epilogue's result.
    Block &next = conv.epilogueNext->getRegion(0).front();
    IRMapping nextLanes;
    for (BlockArgument arg : next.getArguments())
      nextLanes.map(arg, value);
    return applyBody(next, nextLanes);
  }

  /// The scalar `body` of an element-wise generic applied to vectors: its
  /// arguments' vectors are in `lanes`; returns the vector it yields.
  Value applyBody(Block &body, IRMapping &lanes) {
    auto lanesOf = [&](Value scalar) {
      if (Value mapped = lanes.lookupOrNull(scalar))
        return mapped;
      // Captured from above: the same value in every lane.
      return Value(vector::BroadcastOp::create(b, loc, vectorType, scalar));
    };
    for (Operation &op : body.without_terminator()) {
      if (auto constant = dyn_cast<arith::ConstantOp>(op)) {
        auto value = cast<FloatAttr>(constant.getValue());
        lanes.map(constant.getResult(),
                  arith::ConstantOp::create(
                      b, loc, SplatElementsAttr::get(vectorType, value)));
        continue;
      }
      OperationState state(loc, op.getName());
      for (Value operand : op.getOperands())
        state.addOperands(lanesOf(operand));
      state.addTypes(vectorType);
      state.addAttributes(op.getAttrs());
      lanes.map(op.getResult(0), b.create(state)->getResult(0));
    }
    return lanesOf(body.getTerminator()->getOperand(0));
  }

  OpBuilder &b;
  Location loc;
  const Convolution &conv;
  VectorType vectorType;
  /// Masked-off lanes read as the padding value.
  Value padding;
  /// Constants go before this op, which precedes the nest.
  Operation *root;
  llvm::DenseMap<int64_t, Value> constants;
};

class KernelEmitter : EmitterBase {
public:
  KernelEmitter(OpBuilder &b, Location loc, const Convolution &conv,
                Blocking blocking)
      : EmitterBase(b, loc, conv, blocking.vectorWidth), blocking(blocking) {}

  void emit() {
    loop(0, conv.batch, 1, [&](Value n) {
      int64_t block = blocking.channelBlock;
      int64_t columnVectors = blocking.vectorBlock;
      int64_t rows = 1;
      int64_t accumulators = blocking.channelBlock * blocking.vectorBlock;
      int64_t rowVectors = llvm::divideCeil(conv.outW, blocking.vectorWidth);
      if (usesRowBlocks(conv, blocking)) {
        // Each channel has its own taps, and each input vector serves every
        // output row whose window covers its row: blocks of one channel by
        // as many rows as the accumulators allow, at least depthwiseRows,
        // of as many vectors of a row as that leaves. A 3x3 window then
        // reads (rows + 2) / (3 * rows) input vectors per multiply-add
        // instead of one. Against one row of several channels, on
        // one-layer models (`bench/compare.sh -r 8 -n 200`, AVX-512):
        // 32x112x112 3x3 0.68x the time, 120x28x28 5x5 0.60x, stride 2:
        // 48x112x112 3x3 0.82x, 72x56x56 5x5 0.56x. (Not by default with
        // 4 lanes: chooseBlocking.)
        columnVectors = std::clamp<int64_t>(
            accumulators / blocking.depthwiseRows, 1, rowVectors);
        block = 1;
        rows = std::max<int64_t>(1, accumulators / columnVectors);
      } else if (conv.depthwise) {
        // Each channel has its own taps: as many vectors of a row as the
        // accumulators allow, and, when rows are shorter than 8 vectors,
        // enough channels at once for 8 independent sums, which hide the
        // FMA's latency (more would only grow the code). Not with 4 lanes
        // (SSE2, NEON): without masked vector loads the row ends are read
        // lane by lane, and more channels in flight spill registers
        // (AArch64 GhostNet's depthwise layers: 4.7x the stack accesses).
        columnVectors = std::min(rowVectors, accumulators);
        block = blocking.vectorWidth < 8
                    ? 1
                    : llvm::divideCeil(std::min<int64_t>(8, accumulators),
                                       columnVectors);
      }
      // A grouped convolution's channel blocks lie in one group each.
      if (conv.groups > 1)
        block = largestDivisorAtMost(conv.outChannels / conv.groups, block);
      if (conv.outH == 1 && !conv.depthwise && !conv.planeW &&
          !conv.implicitPadding) {
        emitColumnsOuter(n, block, columnVectors);
        return;
      }
      forEachChannelBlock(block, [&](Value f, int64_t channels) {
        if (conv.planeW) {
          emitPlane(n, f, channels, columnVectors);
          return;
        }
        forEachRowBlock(rows, [&](Value y, std::optional<int64_t> fixedY,
                                  int64_t count) {
          emitRow(n, f, channels, y, fixedY, columnVectors, count);
        });
      });
    });
  }

private:
  /// A dense convolution with one output row (a 1x1 convolution over a
  /// plane read as one row): column blocks outside, channel blocks inside.
  /// The input under a column block (every input channel, a few KiB) then
  /// stays in L1 while all output channels read it, and only the weights
  /// are read again per block; the other way round, every channel block
  /// read the whole input from L2.
  void emitColumnsOuter(Value n, int64_t block, int64_t columnVectors) {
    int64_t span = columnVectors * blocking.vectorWidth;
    int64_t whole = conv.outW - conv.outW % span;
    auto channels = [&](Value x, std::optional<int64_t> fixedX,
                        int64_t vectors, int64_t valid) {
      forEachChannelBlock(block, [&](Value f, int64_t count) {
        emitBlock(n, f, count, constant(0), 0, x, fixedX, vectors, valid);
      });
    };
    if (whole > 0)
      loop(0, whole, span, [&](Value x) {
        channels(x, std::nullopt, columnVectors, span);
      });
    if (whole < conv.outW) {
      int64_t rest = conv.outW - whole;
      channels(constant(whole), whole,
               llvm::divideCeil(rest, blocking.vectorWidth), rest);
    }
  }

  /// Output channels in blocks of `block`, the ones left over as one
  /// narrower block (each input vector is still loaded once for all of
  /// them): `body(f, channels)` for each.
  void forEachChannelBlock(int64_t block,
                           function_ref<void(Value, int64_t)> body) {
    int64_t whole = conv.outChannels - conv.outChannels % block;
    if (whole > 0)
      loop(0, whole, block, [&](Value f) { body(f, block); });
    if (whole < conv.outChannels)
      body(constant(whole), conv.outChannels - whole);
  }

  /// A flattened plane: its h*w outputs in blocks of `columnVectors`
  /// vectors, each emitted on its own (the taps' masks differ by block).
  void emitPlane(Value n, Value f, int64_t block, int64_t columnVectors) {
    int64_t span = columnVectors * blocking.vectorWidth;
    for (int64_t x = 0; x < conv.outW; x += span) {
      int64_t valid = std::min(span, conv.outW - x);
      emitBlock(n, f, block, constant(0), 0, constant(x), x,
                llvm::divideCeil(valid, blocking.vectorWidth), valid);
    }
  }

  /// In a flattened plane, the vector of output positions [q, q + width)
  /// at tap (ky, kx): the padding value where the tap falls in the padding
  /// (or past the plane), else the input at the same position shifted by the
  /// tap. Null when every lane is padding.
  Value loadPlaneTap(Value n, Value c, int64_t q, int64_t ky, int64_t kx) {
    int64_t width = blocking.vectorWidth;
    int64_t dy = ky * conv.dilationY - conv.padTop;
    int64_t dx = kx * conv.dilationX - conv.padLeft;
    int64_t size = conv.planeH * conv.planeW;
    SmallVector<bool> valid;
    for (int64_t lane = 0; lane < width; ++lane) {
      int64_t p = q + lane, y = p / conv.planeW + dy, x = p % conv.planeW + dx;
      valid.push_back(p < size && y >= 0 && y < conv.planeH && x >= 0 &&
                      x < conv.planeW);
    }
    if (llvm::none_of(valid, [](bool v) { return v; }))
      return {};
    // The run starts at q + dy * w + dx; lanes before the plane's start are
    // all masked, so read from the first lane inside and shift zeros in.
    int64_t start = q + dy * conv.planeW + dx;
    int64_t shift = std::max<int64_t>(0, -start);
    Value at[] = {n, c, constant(0), constant(start + shift)};
    Value run;
    if (shift == 0 && llvm::all_of(valid, [](bool v) { return v; })) {
      run = vector::LoadOp::create(b, loc, vectorType, conv.input, at);
    } else {
      SmallVector<bool> mask;
      for (int64_t lane = 0; lane < width; ++lane)
        mask.push_back(lane + shift < width && valid[lane + shift]);
      auto maskType = VectorType::get({width}, b.getI1Type());
      Value maskValue = arith::ConstantOp::create(
          b, loc, DenseElementsAttr::get(maskType, ArrayRef<bool>(mask)));
      run = vector::MaskedLoadOp::create(b, loc, vectorType, conv.input, at,
                                         maskValue,
                                         paddingVector(vectorType));
    }
    if (shift == 0)
      return run;
    SmallVector<int64_t> lanes;
    for (int64_t lane = 0; lane < width; ++lane)
      lanes.push_back(lane < shift ? width : lane - shift);
    return vector::ShuffleOp::create(b, loc, vectorType, run,
                                     paddingVector(vectorType), lanes);
  }

  /// Output rows [y, y + rows): whole blocks of `columnVectors` vectors
  /// whose taps read inside the input rows in a loop, the others (the row's
  /// start under left padding, its end) one by one with masked reads.
  void emitRow(Value n, Value f, int64_t block, Value y,
               std::optional<int64_t> fixedY, int64_t columnVectors,
               int64_t rows) {
    forEachColumnBlock(
        columnVectors * blocking.vectorWidth,
        [&](Value x, std::optional<int64_t> fixedX, int64_t columns) {
          emitBlock(n, f, block, y, fixedY, x, fixedX,
                    llvm::divideCeil(columns, blocking.vectorWidth), columns,
                    rows);
        });
  }

  /// `vectors` consecutive vectors of input row `iy` starting at column
  /// `ix`, each the input under one output vector. Reads past the row end
  /// are masked (padding) unless `inBounds`.
  Value loadRow(Value n, Value c, Value iy, Value ix, bool inBounds) {
    int64_t width = blocking.vectorWidth, s = conv.strideX;
    if (s == 1)
      return vector::TransferReadOp::create(
          b, loc, vectorType, conv.input, ValueRange{n, c, iy, ix},
          padding, ArrayRef<bool>{inBounds});
    // Stride s: read the s * width columns the vector spans and keep every
    // s-th. The last s - 1 columns may lie past the row: always masked.
    auto wideType = VectorType::get({s * width}, b.getF32Type());
    Value wide = vector::TransferReadOp::create(
        b, loc, wideType, conv.input, ValueRange{n, c, iy, ix},
        padding, ArrayRef<bool>{false});
    SmallVector<int64_t> lanes;
    for (int64_t lane = 0; lane < width; ++lane)
      lanes.push_back(lane * s);
    return vector::ShuffleOp::create(b, loc, vectorType, wide, wide, lanes);
  }

  /// The vector whose lane l is input column `column + l * stride` of row
  /// `iy`, padding where that column lies outside the row: one masked read
  /// from the first column inside, then a shuffle that shifts padding in.
  Value loadEdge(Value n, Value c, Value iy, int64_t column) {
    int64_t width = blocking.vectorWidth, s = conv.strideX;
    int64_t start = std::max<int64_t>(column, 0);
    auto wideType = VectorType::get({s * width}, b.getF32Type());
    Value wide = vector::TransferReadOp::create(
        b, loc, wideType, conv.input, ValueRange{n, c, iy, constant(start)},
        padding, ArrayRef<bool>{false});
    if (column >= 0 && s == 1)
      return wide;
    SmallVector<int64_t> lanes;
    for (int64_t lane = 0; lane < width; ++lane) {
      int64_t source = column + lane * s;
      lanes.push_back(source < 0 ? s * width : source - start);
    }
    return vector::ShuffleOp::create(b, loc, vectorType, wide,
                                     paddingVector(wideType), lanes);
  }

  /// One register block: output channels [f, f + block) by `rows` output
  /// rows from y by `vectors` vectors from column x; `validColumns` of its
  /// columns exist. `fixedY` and `fixedX` are y and x when they are
  /// constants: then taps outside the input are left out (rows) or read as
  /// zeros (columns); when y is not, every row's taps read input rows.
  /// Each input vector is read once for the whole block: for all of its
  /// output channels (dense) and for every output row whose window covers
  /// its row (rows > 1: depthwise windows only).
  void emitBlock(Value n, Value f, int64_t block, Value y,
                 std::optional<int64_t> fixedY, Value x,
                 std::optional<int64_t> fixedX, int64_t vectors,
                 int64_t validColumns, int64_t rows = 1) {
    assert((rows == 1 || usesRowBlocks(conv, blocking)) &&
           "blocks of rows are for depthwise windows");
    int64_t width = blocking.vectorWidth;
    MLIRContext *ctx = b.getContext();
    AffineExpr d0, d1;
    bindDims(ctx, d0, d1);
    SmallVector<Value> channels, columns, outputRows;
    SmallVector<bool> inBounds;
    for (int64_t i = 0; i < block; ++i)
      channels.push_back(i == 0 ? f : apply(d0 + i, {f}));
    for (int64_t r = 0; r < rows; ++r)
      outputRows.push_back(r == 0 ? y : apply(d0 + r, {y}));
    for (int64_t j = 0; j < vectors; ++j) {
      columns.push_back(j == 0 ? x : apply(d0 + j * width, {x}));
      inBounds.push_back((j + 1) * width <= validColumns);
    }
    // The sums of channel i, row r, vector j.
    auto sumIndex = [&](int64_t i, int64_t r, int64_t j) {
      return (i * rows + r) * vectors + j;
    };

    // Start from the fused bias or fill value, else from what the output
    // holds (a bias or a partial sum).
    SmallVector<Value> acc;
    for (int64_t i = 0; i < block; ++i) {
      Value start;
      if (conv.bias)
        start = vector::BroadcastOp::create(
            b, loc, vectorType,
            memref::LoadOp::create(b, loc, conv.bias, channels[i]));
      else if (conv.initialValue)
        start = vector::BroadcastOp::create(b, loc, vectorType,
                                            conv.initialValue);
      for (int64_t r = 0; r < rows; ++r)
        for (int64_t j = 0; j < vectors; ++j)
          acc.push_back(start ? start
                              : vector::TransferReadOp::create(
                                    b, loc, vectorType, conv.output,
                                    ValueRange{n, channels[i], outputRows[r],
                                               columns[j]},
                                    padding, ArrayRef<bool>{inBounds[j]}));
    }

    // The input column under vector j at tap kx: inputColumns[kx][j]. At a
    // row's edges, with implicit padding, edgeColumns[kx][j] instead.
    bool edge = fixedX && conv.implicitPadding && !conv.planeW;
    SmallVector<SmallVector<Value>> inputColumns(conv.kw);
    SmallVector<SmallVector<int64_t>> edgeColumns(conv.kw);
    for (int64_t kx = 0; kx < conv.kw; ++kx)
      for (int64_t j = 0; j < vectors; ++j) {
        int64_t offset = kx * conv.dilationX - conv.padLeft;
        if (edge)
          edgeColumns[kx].push_back((*fixedX + j * width) * conv.strideX +
                                    offset);
        else
          inputColumns[kx].push_back(
              apply(d0 * conv.strideX + offset, {columns[j]}));
      }

    // With a fused input scale, a dense block whose input vectors are
    // fewer than its output channels scales the vectors (one vector product
    // each); otherwise every weight is scaled (one scalar product and a
    // broadcast from a register each, which compete with the FMAs). Either
    // way instead of a pass over the whole input.
    bool scaleInputs = conv.inputScale && !conv.depthwise && vectors <= block;
    auto accumulate = [&](Value c, SmallVector<Value> sums) {
      // Dense: the input channel of the whole block.
      Value inputC = inputChannel(f, c);
      // The scale of each output channel's input channel: c for the whole
      // block (dense); depthwise, each output channel's own.
      SmallVector<Value> scales;
      Value inputScale;
      if (scaleInputs)
        inputScale = vector::BroadcastOp::create(b, loc, vectorType,
                                                 loadScale(n, c));
      else if (conv.inputScale)
        for (int64_t i = 0; i < block; ++i)
          scales.push_back(conv.depthwise ? loadScale(n, channels[i])
                           : i == 0       ? loadScale(n, c)
                                          : scales.front());
      // Input rows in order, from the first row's first tap: row t is
      // tap ky of output row r when t = r * sy + ky * dy.
      int64_t inputRows = (rows - 1) * conv.strideY +
                          (conv.kh - 1) * conv.dilationY + 1;
      for (int64_t t = 0; t < inputRows; ++t) {
        int64_t offset = t - conv.padTop;
        // The (output row, tap row) pairs that read input row t.
        SmallVector<std::pair<int64_t, int64_t>> taps;
        for (int64_t r = 0; r < rows; ++r) {
          int64_t tap = t - r * conv.strideY;
          if (tap >= 0 && tap % conv.dilationY == 0 &&
              tap / conv.dilationY < conv.kh)
            taps.emplace_back(r, tap / conv.dilationY);
        }
        // A row above or below the input adds nothing.
        if (fixedY && !conv.planeW) {
          int64_t inputRow = *fixedY * conv.strideY + offset;
          if (inputRow < 0 || inputRow >= conv.inH)
            continue;
        }
        if (taps.empty())
          continue;
        Value iy = apply(d0 * conv.strideY + offset, {y});
        for (int64_t kx = 0; kx < conv.kw; ++kx) {
          // The input vectors under the block at this tap, of `channel`.
          auto loadRows = [&](Value channel) {
            SmallVector<Value> loaded;
            for (int64_t j = 0; j < vectors; ++j) {
              if (conv.planeW)
                loaded.push_back(loadPlaneTap(n, channel, *fixedX + j * width,
                                              taps.front().second, kx));
              else
                loaded.push_back(edge ? loadEdge(n, channel, iy,
                                                 edgeColumns[kx][j])
                                      : loadRow(n, channel, iy,
                                                inputColumns[kx][j],
                                                inBounds[j]));
            }
            return loaded;
          };
          // Dense: the same input vectors for every output channel.
          SmallVector<Value> loaded;
          if (!conv.depthwise) {
            loaded = loadRows(inputC);
            // A tap that reads only padding for the whole block adds
            // nothing.
            if (llvm::none_of(loaded, [](Value row) { return bool(row); }))
              continue;
            if (inputScale)
              for (Value &row : loaded)
                if (row)
                  row = arith::MulFOp::create(b, loc, row, inputScale);
          }
          for (int64_t i = 0; i < block; ++i) {
            // Depthwise: each output channel reads its own input channel.
            if (conv.depthwise) {
              loaded = loadRows(channels[i]);
              if (llvm::none_of(loaded, [](Value row) { return bool(row); }))
                break;
            }
            for (auto [r, ky] : taps) {
              if (conv.combine != Convolution::Combine::MultiplyAdd) {
                for (int64_t j = 0; j < vectors; ++j) {
                  if (!loaded[j])
                    continue;
                  Value &sum = sums[sumIndex(i, r, j)];
                  sum = conv.combine == Convolution::Combine::Maximum
                            ? Value(arith::MaximumFOp::create(b, loc, sum,
                                                              loaded[j]))
                            : Value(arith::AddFOp::create(b, loc, sum,
                                                          loaded[j]));
                }
                continue;
              }
              SmallVector<Value> at =
                  conv.depthwise ? SmallVector<Value>{channels[i],
                                                      constant(ky),
                                                      constant(kx)}
                                 : SmallVector<Value>{channels[i], c,
                                                      constant(ky),
                                                      constant(kx)};
              Value weight = memref::LoadOp::create(b, loc, conv.filter, at);
              if (!scales.empty())
                weight = arith::MulFOp::create(b, loc, weight, scales[i]);
              Value splat =
                  vector::BroadcastOp::create(b, loc, vectorType, weight);
              for (int64_t j = 0; j < vectors; ++j) {
                if (!loaded[j])
                  continue;
                Value &sum = sums[sumIndex(i, r, j)];
                sum = vector::FMAOp::create(b, loc, loaded[j], splat, sum);
              }
            }
          }
        }
      }
      return sums;
    };

    acc = reduceInputChannels(conv.depthwise, acc, accumulate);

    for (int64_t i = 0; i < block; ++i)
      for (int64_t r = 0; r < rows; ++r)
        for (int64_t j = 0; j < vectors; ++j) {
          SmallVector<Value, 4> at = {n, channels[i], outputRows[r],
                                      columns[j]};
          Value sum = acc[sumIndex(i, r, j)];
          if (conv.epilogue)
            sum = applyEpilogue(sum, at, inBounds[j], conv.epilogueInputs);
          vector::TransferWriteOp::create(b, loc, sum, conv.result, at,
                                          ArrayRef<bool>{inBounds[j]});
        }
  }

  /// The fused input scale of batch `n`, input channel `c`.
  Value loadScale(Value n, Value c) {
    SmallVector<Value> indices;
    for (AffineExpr expr : conv.inputScaleMap.getResults()) {
      if (auto dim = dyn_cast<AffineDimExpr>(expr))
        indices.push_back(dim.getPosition() == 0 ? n : c);
      else
        indices.push_back(
            constant(cast<AffineConstantExpr>(expr).getValue()));
    }
    return memref::LoadOp::create(b, loc, conv.inputScale, indices);
  }

  Blocking blocking;
};

static bool isStaticF32Buffer(Value value) {
  auto type = dyn_cast<MemRefType>(value.getType());
  return type && type.hasStaticShape() && type.getElementType().isF32();
}

/// Views a [n, c, h, w] buffer as [n, c, 1, h * w] when its rows are
/// contiguous, else returns null.
static Value asOneRow(OpBuilder &b, Location loc, Value buffer) {
  auto type = cast<MemRefType>(buffer.getType());
  // Collapsing h, w and expanding back to 1, h * w: the same grouping.
  SmallVector<ReassociationIndices> planes = {{0}, {1}, {2, 3}};
  if (!memref::CollapseShapeOp::isGuaranteedCollapsible(type, planes))
    return {};
  Value flat = memref::CollapseShapeOp::create(b, loc, buffer, planes);
  auto flatType = cast<MemRefType>(flat.getType());
  SmallVector<int64_t> shape = {type.getDimSize(0), type.getDimSize(1), 1,
                                flatType.getDimSize(2)};
  FailureOr<MemRefType> rowType =
      memref::ExpandShapeOp::computeExpandedType(flatType, shape, planes);
  if (failed(rowType))
    return {};
  return memref::ExpandShapeOp::create(b, loc, *rowType, flat, planes);
}

/// Blocking of the channel kernel: `groupVectors` vectors of output
/// channels by `pixels` output pixels (`stridedPixels` when the stride is
/// more than 1), all accumulators in registers.
struct ChannelBlocking {
  int64_t vectorWidth, groupVectors, pixels, stridedPixels;
};

/// Output planes of at most this many pixels are computed as one run of
/// pixels across rows (every block emitted on its own) instead of row by
/// row: a 7x7 plane is 9 blocks of 6 pixels rather than 7 rows of 6 + 1.
constexpr int64_t kPlanePixels = 64;

/// A dense convolution with its output channels in the vector lanes, the way
/// blocked-layout (NCHW[c]) libraries compute it, on NCHW buffers. The
/// register block is `groupVectors` vectors of `vectorWidth` output
/// channels by `pixels` output pixels; each step of the reduction (input
/// channel c, tap ky, kx) loads one vector of packed weights per channel
/// vector and broadcasts one input value per pixel, so that a stride or a
/// plane narrower than a vector costs nothing and padding is a tap left out
/// of a border pixel. The sums are transposed in registers before the
/// store, so that the output stays NCHW and the fused epilogue sees rows of
/// pixels as in the other kernels.
///
/// The filter is packed at compile time as [ceil(F / w), C, kh, kw, w]:
/// vector g at (c, ky, kx) holds output channels g*w .. g*w + w - 1 (zeros
/// past F).
class ChannelKernelEmitter : EmitterBase {
public:
  ChannelKernelEmitter(OpBuilder &b, Location loc, const Convolution &conv,
                       Value packedFilter, ChannelBlocking blocking)
      : EmitterBase(b, loc, conv, blocking.vectorWidth), packed(packedFilter),
        blocking(blockingFor(conv, blocking)) {}

  /// `blocking` for `conv`: its strided pixel count at a stride over 1; a
  /// grouped convolution's blocks of channel vectors lie in one group each
  /// (groups hold whole vectors), with as many pixels more as keep the
  /// accumulators' count.
  static ChannelBlocking blockingFor(const Convolution &conv,
                                     ChannelBlocking blocking) {
    if (conv.strideX > 1)
      blocking.pixels = blocking.stridedPixels;
    if (conv.groups == 1)
      return blocking;
    int64_t vectors = conv.outChannels / conv.groups / blocking.vectorWidth;
    int64_t group = largestDivisorAtMost(vectors, blocking.groupVectors);
    blocking.pixels = blocking.pixels * blocking.groupVectors / group;
    blocking.groupVectors = group;
    return blocking;
  }

  void emit() {
    int64_t width = blocking.vectorWidth, group = blocking.groupVectors;
    int64_t full = conv.outChannels / width;
    int64_t vectors = llvm::divideCeil(conv.outChannels, width);
    // Whole groups of whole vectors in a loop; the rest, with a partial
    // last vector, as narrower groups whose channels are constants.
    int64_t whole = full - full % group;
    bool plane = conv.outH > 1 && conv.outH * conv.outW <= kPlanePixels &&
                 viewResultAsRow();
    loop(0, conv.batch, 1, [&](Value n) {
      auto body = [&](Value g, int64_t count) {
        if (plane) {
          emitPlane(n, g, count);
          return;
        }
        forEachRow([&](Value y, std::optional<int64_t> fixedY) {
          emitRow(n, g, count, y, fixedY);
        });
      };
      if (whole > 0)
        loop(0, whole, group, [&](Value g) { body(g, group); });
      for (int64_t g = whole; g < vectors; g += group)
        body(constant(g), std::min(group, vectors - g));
    });
  }

private:
  /// An output pixel of a register block; its row and column are constants
  /// (fixedY, fixedX) at the borders, where taps may leave the input.
  struct Pixel {
    Value y, x;
    std::optional<int64_t> fixedY, fixedX;
  };

  /// Where the block's results go: the output (or the epilogue's result)
  /// and the epilogue's other inputs, as [n, c, h, w] or, for whole planes,
  /// [n, c, 1, h * w] views.
  struct Destination {
    Value result;
    ArrayRef<std::pair<unsigned, Value>> epilogueInputs;
  };

  /// Views the result and the epilogue's other inputs as single rows.
  bool viewResultAsRow() {
    flatResult = asOneRow(b, loc, conv.result);
    if (!flatResult)
      return false;
    for (auto [arg, buffer] : conv.epilogueInputs) {
      Value flat = asOneRow(b, loc, buffer);
      if (!flat)
        return false;
      flatInputs.emplace_back(arg, flat);
    }
    return true;
  }

  /// A small output plane as one run of pixels, in as few blocks of at
  /// most `pixels` as there can be, of sizes that differ by one at most: a
  /// block of 1 pixel streams all of its group's weights for a sixth of
  /// the work (7x7: 6,6,6,6,5,5,5,5,5 rather than 8 x 6 and 1).
  void emitPlane(Value n, Value g, int64_t count) {
    int64_t size = conv.outH * conv.outW;
    int64_t blocks = llvm::divideCeil(size, blocking.pixels);
    for (int64_t i = 0, q = 0; i < blocks; ++i) {
      int64_t pixelCount = size / blocks + (i < size % blocks ? 1 : 0);
      SmallVector<Pixel> pixels;
      for (int64_t p = q; p < q + pixelCount; ++p) {
        int64_t y = p / conv.outW, x = p % conv.outW;
        pixels.push_back({constant(y), constant(x), y, x});
      }
      emitBlock(n, g, count, pixels, constant(0), constant(q),
                {flatResult, flatInputs});
      q += pixelCount;
    }
  }

  /// One output row in blocks of at most `pixels` columns, as few as
  /// there can be and as wide as each other (28 columns: 14 + 14, not 24 +
  /// 4): blocks whose taps all read inside the input row in a loop, the
  /// others one by one.
  void emitRow(Value n, Value g, int64_t count, Value y,
               std::optional<int64_t> fixedY) {
    AffineExpr d0 = b.getAffineDimExpr(0);
    int64_t span = llvm::divideCeil(
        conv.outW, llvm::divideCeil(conv.outW, blocking.pixels));
    forEachColumnBlock(
        span,
        [&](Value x, std::optional<int64_t> fixedX, int64_t size) {
          SmallVector<Pixel> pixels;
          for (int64_t p = 0; p < size; ++p)
            pixels.push_back(
                {y, p == 0 ? x : apply(d0 + p, {x}), fixedY,
                 fixedX ? std::optional(*fixedX + p) : std::nullopt});
          emitBlock(n, g, count, pixels, y, x,
                    {conv.result, conv.epilogueInputs});
        });
  }

  /// One register block: channel vectors [g, g + count) by `pixels`, stored
  /// at (storeY, storeX) of `to`.
  void emitBlock(Value n, Value g, int64_t count, ArrayRef<Pixel> pixels,
                 Value storeY, Value storeX, Destination to) {
    int64_t width = blocking.vectorWidth;
    int64_t size = pixels.size();
    AffineExpr d0 = b.getAffineDimExpr(0);
    SmallVector<Value> vectorIndex;
    for (int64_t r = 0; r < count; ++r)
      vectorIndex.push_back(r == 0 ? g : apply(d0 + r, {g}));

    // Each channel vector starts from its biases (zeros past the last
    // channel) or the fill value, the same for every pixel.
    SmallVector<Value> acc;
    for (int64_t r = 0; r < count; ++r) {
      Value start =
          conv.bias
              ? Value(vector::TransferReadOp::create(
                    b, loc, vectorType, conv.bias,
                    ValueRange{apply(d0 * width, {vectorIndex[r]})}, padding,
                    ArrayRef<bool>{conv.outChannels % width == 0}))
              : Value(vector::BroadcastOp::create(b, loc, vectorType,
                                                  conv.initialValue));
      acc.append(size, start);
    }

    // The block's first output channel, which picks a grouped
    // convolution's input channels.
    Value firstChannel = conv.groups > 1 ? apply(d0 * width, {g}) : g;
    AffineExpr d1 = b.getAffineDimExpr(1);
    // The taps of window row `ky` (`fixedKy` when a constant) of input
    // channel c.
    auto windowRow = [&](Value inputC, Value c, Value ky,
                         std::optional<int64_t> fixedKy,
                         SmallVector<Value> sums) {
      for (int64_t kx = 0; kx < conv.kw; ++kx) {
        int64_t offsetX = kx * conv.dilationX - conv.padLeft;
        // The input under each pixel at this tap, broadcast; null where
        // the tap falls in the padding.
        SmallVector<Value> inputs(size);
        for (auto [p, pixel] : llvm::enumerate(pixels)) {
          if (pixel.fixedY) {
            int64_t row = *pixel.fixedY * conv.strideY +
                          *fixedKy * conv.dilationY - conv.padTop;
            if (row < 0 || row >= conv.inH)
              continue;
          }
          if (pixel.fixedX) {
            int64_t column = *pixel.fixedX * conv.strideX + offsetX;
            if (column < 0 || column >= conv.inW)
              continue;
          }
          Value iy = apply(d0 * conv.strideY + d1 * conv.dilationY -
                               conv.padTop,
                           {pixel.y, ky});
          Value ix = apply(d0 * conv.strideX + offsetX, {pixel.x});
          inputs[p] = vector::BroadcastOp::create(
              b, loc, vectorType,
              memref::LoadOp::create(b, loc, conv.input,
                                     ValueRange{n, inputC, iy, ix}));
        }
        if (llvm::none_of(inputs, [](Value input) { return bool(input); }))
          continue;
        for (int64_t r = 0; r < count; ++r) {
          Value weights = vector::LoadOp::create(
              b, loc, vectorType, packed,
              ValueRange{vectorIndex[r], c, ky, constant(kx), constant(0)});
          for (int64_t p = 0; p < size; ++p)
            if (inputs[p])
              sums[r * size + p] = vector::FMAOp::create(
                  b, loc, inputs[p], weights, sums[r * size + p]);
        }
      }
      return sums;
    };
    // Windows larger than 3x3 loop over their rows where no tap leaves the
    // input's rows, so that a block's code is one window row, not all of
    // them (a 7x7 block was 49 taps, each block of a row its own copy).
    bool loopRows = conv.kh * conv.kw > 9 &&
                    llvm::none_of(pixels, [](const Pixel &pixel) {
                      return pixel.fixedY.has_value();
                    });
    auto accumulate = [&](Value c, SmallVector<Value> sums) {
      Value inputC = inputChannel(firstChannel, c);
      if (!loopRows) {
        for (int64_t ky = 0; ky < conv.kh; ++ky)
          sums = windowRow(inputC, c, constant(ky), ky, std::move(sums));
        return sums;
      }
      return loopCarrying(conv.kh, std::move(sums),
                          [&](Value ky, SmallVector<Value> carried) {
                            return windowRow(inputC, c, ky, std::nullopt,
                                             std::move(carried));
                          });
    };
    acc = reduceInputChannels(/*once=*/false, acc, accumulate);

    // Transposed in chunks of `width` pixels: one vector per output
    // channel, its lanes the chunk's pixels, stored as a run of the row.
    std::optional<int64_t> fixedG = getConstantIntValue(g);
    for (int64_t r = 0; r < count; ++r)
      for (int64_t chunk = 0; chunk < size; chunk += width) {
        int64_t lanes = std::min(width, size - chunk);
        SmallVector<Value> channels =
            transpose(ArrayRef(acc).slice(r * size + chunk, lanes));
        Value x = chunk == 0 ? storeX : apply(d0 + chunk, {storeX});
        Value mask = lanes < width ? firstLanes(lanes) : Value();
        for (int64_t i = 0; i < width; ++i) {
          // Past the last output channel: only in a constant group.
          if (fixedG && (*fixedG + r) * width + i >= conv.outChannels)
            break;
          Value f = apply(d0 * width + (r * width + i), {g});
          SmallVector<Value, 4> at = {n, f, storeY, x};
          Value sum = channels[i];
          if (conv.epilogue)
            sum = applyEpilogue(sum, at, /*inBounds=*/false,
                                to.epilogueInputs);
          if (mask)
            vector::MaskedStoreOp::create(b, loc, to.result, at, mask, sum);
          else
            vector::StoreOp::create(b, loc, sum, to.result, at);
        }
      }
  }

  /// The mask of the first `lanes` lanes, one constant ahead of the nest.
  Value firstLanes(int64_t lanes) {
    Value &mask = masks[lanes];
    if (!mask) {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPoint(root);
      SmallVector<bool> valid(blocking.vectorWidth, false);
      std::fill_n(valid.begin(), lanes, true);
      mask = arith::ConstantOp::create(
          b, loc,
          DenseElementsAttr::get(
              VectorType::get({blocking.vectorWidth}, b.getI1Type()),
              ArrayRef<bool>(valid)));
    }
    return mask;
  }

  /// The columns of the matrix whose rows are `rows` (at most a vector's
  /// width of them): lane p of column i is lane i of row p, for the lanes
  /// p < rows.size() that are stored; the other lanes are undefined.
  /// Round s swaps bit s of the row index with bit s of the lane index
  /// (the off-diagonal s x s blocks of every 2s x 2s block), one
  /// two-vector shuffle per row. Rounds go from s = 1 up, so that rows
  /// past the stored ones, which are undefined, stay out of the first
  /// rounds; once s reaches the stored lanes, lanes with bit s are never
  /// stored, and a round only moves the high lanes of row i down into row
  /// i + s (GhostNet's and ResNet's 6 pixels of 16 lanes: 30 shuffles
  /// instead of 64).
  SmallVector<Value> transpose(ArrayRef<Value> rows) {
    int64_t width = blocking.vectorWidth;
    int64_t stored = llvm::PowerOf2Ceil(rows.size());
    constexpr int64_t undefined = vector::ShuffleOp::kPoisonIndex;
    // Null: a row whose every lane is undefined.
    SmallVector<Value> m(rows);
    m.resize(width, Value());
    // Lane k of the result is lane lanes[k] of (first, second), lanes of
    // an undefined row undefined.
    auto shuffle = [&](Value first, Value second, SmallVector<int64_t> lanes) {
      for (int64_t &lane : lanes)
        if ((lane < width ? !first : !second) && lane != undefined)
          lane = undefined;
      Value any = first ? first : second;
      return Value(vector::ShuffleOp::create(b, loc, vectorType,
                                             first ? first : any,
                                             second ? second : any, lanes));
    };
    for (int64_t s = 1; s < width; s *= 2)
      for (int64_t i = 0; i < width; ++i) {
        if (i & s || (!m[i] && !m[i + s]))
          continue;
        SmallVector<int64_t> low, high;
        for (int64_t k = 0; k < width; ++k) {
          low.push_back(k & s ? width + k - s : k);
          high.push_back(k & s ? width + k : k + s);
        }
        if (s >= stored) {
          // Row i keeps its lanes; row i + s, undefined so far, takes row
          // i's lanes k + s (the others are never stored).
          for (int64_t k = 0; k < width; ++k)
            if (k & s)
              high[k] = undefined;
          m[i + s] = shuffle(m[i], Value(), high);
          continue;
        }
        Value lo = shuffle(m[i], m[i + s], low);
        m[i + s] = shuffle(m[i], m[i + s], high);
        m[i] = lo;
      }
    return m;
  }

  Value packed;
  ChannelBlocking blocking;
  /// Plane mode's views of the result and the epilogue's other inputs.
  Value flatResult;
  SmallVector<std::pair<unsigned, Value>> flatInputs;
  llvm::DenseMap<int64_t, Value> masks;
};

/// Packs the constant filters of dense convolutions for the channel kernel,
/// once per filter and width, into new constant globals beside the old
/// ones, and erases the old ones that no convolution reads any more.
class FilterPacker {
public:
  explicit FilterPacker(ModuleOp module) : module(module), symbols(module) {}

  /// The packed filter [ceil(F / width), C, kh, kw, width] of `filter`
  /// ([F, C, kh, kw], a memref.get_global of a constant global of dense
  /// f32), read at the builder's point; null for any other filter.
  Value pack(OpBuilder &b, Location loc, Value filter, int64_t width) {
    auto get = filter.getDefiningOp<memref::GetGlobalOp>();
    if (!get)
      return {};
    auto global = symbols.lookup<memref::GlobalOp>(get.getName());
    if (!global || !global.getConstant())
      return {};
    Attribute values = global.getInitialValueAttr();
    MemRefType type = global.getType();
    if (!isa_and_present<DenseElementsAttr, DenseResourceElementsAttr>(
            values) ||
        !type.getElementType().isF32() || type.getRank() != 4)
      return {};
    memref::GlobalOp &result = packed[{global, width}];
    if (!result) {
      ArrayRef<int64_t> shape = type.getShape();
      int64_t outputs = shape[0], taps = shape[1] * shape[2] * shape[3];
      int64_t groups = llvm::divideCeil(outputs, width);
      // The filter's values in order, (f, t) with t the fastest.
      std::vector<float> storage;
      std::optional<ArrayRef<float>> source =
          ghostc::f32Elements(values, storage);
      if (!source)
        return {};
      std::vector<float> data(groups * taps * width, 0.0f);
      for (int64_t f = 0; f < outputs; ++f)
        for (int64_t t = 0; t < taps; ++t)
          data[((f / width) * taps + t) * width + f % width] =
              (*source)[f * taps + t];
      SmallVector<int64_t> packedShape = {groups, shape[1], shape[2],
                                          shape[3], width};
      auto f32 = b.getF32Type();
      OpBuilder detached(module.getContext());
      result = memref::GlobalOp::create(
          detached, global.getLoc(), (global.getSymName() + "_packed").str(),
          global.getSymVisibilityAttr(), MemRefType::get(packedShape, f32),
          ghostc::makeF32Elements(RankedTensorType::get(packedShape, f32),
                                  std::move(data),
                                  ghostc::derivedWeightName(values, ".packed")),
          /*constant=*/true, global.getAlignmentAttr());
      symbols.insert(result, Block::iterator(global));
      sources.insert(global);
    }
    return memref::GetGlobalOp::create(b, loc, result.getType(),
                                       result.getSymName());
  }

  /// Erases the globals packed from that nothing reads any more (and the
  /// reads of them that the kernels left unused).
  void eraseUnpackedSources() {
    llvm::DenseSet<StringAttr> read;
    module.walk([&](memref::GetGlobalOp get) {
      if (get.use_empty())
        get->erase();
      else
        read.insert(get.getNameAttr().getAttr());
    });
    for (Operation *source : sources)
      if (!read.contains(cast<memref::GlobalOp>(source).getSymNameAttr()))
        source->erase();
  }

private:
  ModuleOp module;
  SymbolTable symbols;
  llvm::DenseMap<std::pair<Operation *, int64_t>, memref::GlobalOp> packed;
  llvm::SetVector<Operation *> sources;
};

/// Whether the channel kernel computes `conv` (given a packable filter):
/// dense multiply-add windows whose sums start from a bias or a fill, with
/// at least a vector of output channels (whole vectors per group when
/// grouped) and `minTerms` terms (C x kh x kw) per output. A 1x1 stride-1
/// convolution stays with the pointwise kernel, which reads whole planes as
/// rows, unless it projects (C >= 2F) a plane of at most kPlanePixels
/// pixels: a 7x7 plane fills 49 of the pointwise kernel's 64 lanes. With
/// projections taking it MNASNet took 0.943-0.952x the time
/// (`bench/compare.sh -r 10`); with every 1x1 convolution on such planes
/// MobileNetV2 took 1.012x and GhostNet 0.990x (`-r 15`), though an
/// expansion alone took 0.851x (docs/performance.md).
static bool wantsChannelKernel(const Convolution &conv, int64_t width,
                               int64_t minTerms) {
  return !conv.depthwise &&
         conv.combine == Convolution::Combine::MultiplyAdd &&
         !conv.inputScale && (conv.bias || conv.initialValue) &&
         width > 1 && llvm::isPowerOf2_64(width) &&
         conv.outChannels >= width &&
         (conv.groups == 1 || (conv.outChannels / conv.groups) % width == 0) &&
         conv.inChannels * conv.kh * conv.kw >= minTerms &&
         (!(conv.kh == 1 && conv.kw == 1 && conv.strideY == 1 &&
            conv.strideX == 1) ||
          (conv.outH * conv.outW <= kPlanePixels &&
           conv.inChannels >= 2 * conv.outChannels));
}

/// The convolution of `input` by `filter` into `output`, f32 buffers of
/// static shape ([n, c, h, w]; the filter [f, c, kh, kw], or [f, kh, kw]
/// when `depthwise`), at `strides` and `dilations` (y, x); none when a
/// buffer is not such a buffer or the window is too large.
static std::optional<Convolution>
describeBuffers(Value input, Value filter, Value output, bool depthwise,
                ArrayRef<int64_t> strides, ArrayRef<int64_t> dilations) {
  if (!isStaticF32Buffer(input) || !isStaticF32Buffer(filter) ||
      !isStaticF32Buffer(output))
    return std::nullopt;
  ArrayRef<int64_t> in = cast<MemRefType>(input.getType()).getShape();
  ArrayRef<int64_t> window = cast<MemRefType>(filter.getType()).getShape();
  ArrayRef<int64_t> out = cast<MemRefType>(output.getType()).getShape();
  if (in.size() != 4 || out.size() != 4 || window.size() < 2)
    return std::nullopt;
  Convolution conv;
  conv.input = input;
  conv.filter = filter;
  conv.output = conv.result = output;
  conv.depthwise = depthwise;
  conv.batch = out[0];
  conv.inChannels = in[1];
  conv.outChannels = out[1];
  conv.kh = window[window.size() - 2];
  conv.kw = window[window.size() - 1];
  conv.outH = out[2];
  conv.outW = out[3];
  conv.inH = in[2];
  conv.inW = in[3];
  conv.strideY = strides[0];
  conv.strideX = strides[1];
  conv.dilationY = dilations[0];
  conv.dilationX = dilations[1];
  // Every tap is unrolled in the register block (and again in each border
  // block): a window of more taps is left to the generic loops.
  if (conv.kh * conv.kw > kMaxTaps)
    return std::nullopt;
  return conv;
}

template <typename ConvOp>
static std::optional<Convolution> describe(ConvOp op, bool depthwise) {
  if (!op.hasPureBufferSemantics())
    return std::nullopt;
  auto strides = llvm::to_vector(op.getStrides().template getValues<int64_t>());
  auto dilations =
      llvm::to_vector(op.getDilations().template getValues<int64_t>());
  return describeBuffers(op.getInputs()[0], op.getInputs()[1],
                         op.getOutputs()[0], depthwise, strides, dilations);
}

/// A grouped convolution, neither dense nor depthwise, as
/// linalg_builders::convolve writes it: a linalg.generic over loops (n, o,
/// c, ky, kx, y, x) that accumulates input[n, (o floordiv Og) * C + c,
/// y * sy + ky * dy, x * sx + kx * dx] * filter[o, c, ky, kx] into
/// output[n, o, y, x], with Og output and C input channels per group.
static std::optional<Convolution> describeGrouped(linalg::GenericOp op) {
  if (!op.hasPureBufferSemantics() || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1 ||
      op.getIteratorTypesArray() != ghostc::groupedConvolutionIterators())
    return std::nullopt;
  // The body: output + input * filter.
  Block &body = op->getRegion(0).front();
  auto add = body.getTerminator()->getOperand(0).getDefiningOp<arith::AddFOp>();
  auto isArgument = [&](Value value, unsigned index) {
    return value == body.getArgument(index);
  };
  if (!add || llvm::range_size(body.without_terminator()) != 2)
    return std::nullopt;
  arith::MulFOp mul;
  if (isArgument(add.getLhs(), 2))
    mul = add.getRhs().getDefiningOp<arith::MulFOp>();
  else if (isArgument(add.getRhs(), 2))
    mul = add.getLhs().getDefiningOp<arith::MulFOp>();
  if (!mul || !((isArgument(mul.getLhs(), 0) && isArgument(mul.getRhs(), 1)) ||
                (isArgument(mul.getLhs(), 1) && isArgument(mul.getRhs(), 0))))
    return std::nullopt;

  // Strides and dilations are the input map's coefficients of y, x, ky and
  // kx; the maps must then be exactly the ones they make.
  AffineMap inputMap = op.getIndexingMapsArray()[0];
  if (inputMap.getNumResults() != 4)
    return std::nullopt;
  auto at = [&](unsigned dim, unsigned result) {
    SmallVector<int64_t> point(7, 0);
    point[dim] = 1;
    return inputMap.compose(point)[result];
  };
  std::optional<Convolution> conv = describeBuffers(
      op.getDpsInputs()[0], op.getDpsInputs()[1], op.getDpsInits()[0],
      /*depthwise=*/false, {at(5, 2), at(6, 3)}, {at(3, 2), at(4, 3)});
  if (!conv)
    return std::nullopt;
  int64_t perGroup = cast<MemRefType>(conv->filter.getType()).getShape()[1];
  if (perGroup <= 0 || conv->inChannels % perGroup != 0 ||
      conv->outChannels % (conv->inChannels / perGroup) != 0)
    return std::nullopt;
  conv->groups = conv->inChannels / perGroup;
  conv->inChannels = perGroup;
  if (conv->groups == 1 ||
      op.getIndexingMapsArray() !=
          ghostc::groupedConvolutionMaps(
              op.getContext(), conv->outChannels / conv->groups, perGroup,
              {conv->strideY, conv->strideX},
              {conv->dilationY, conv->dilationX}))
    return std::nullopt;
  return conv;
}

/// A pooling op as a depthwise window whose taps combine by `combine`. Only
/// a pooling op whose body is that combination qualifies: linalg's max
/// pooling is arith.maximumf on floats.
template <typename PoolOp>
static std::optional<Convolution>
describePooling(PoolOp op, Convolution::Combine combine) {
  std::optional<Convolution> conv = describe(op, /*depthwise=*/true);
  Block &body = op->getRegion(0).front();
  Operation *reduce = body.getTerminator()->getOperand(0).getDefiningOp();
  bool matches = combine == Convolution::Combine::Maximum
                     ? isa_and_nonnull<arith::MaximumFOp>(reduce)
                     : isa_and_nonnull<arith::AddFOp>(reduce);
  if (!conv || !matches || conv->inChannels != conv->outChannels)
    return std::nullopt;
  conv->combine = combine;
  return conv;
}

/// Views the input and output planes, of the same size, as single rows;
/// false, leaving `conv` alone, when their rows are not contiguous.
static bool viewPlanesAsRows(OpBuilder &b, Location loc, Convolution &conv) {
  Value input = asOneRow(b, loc, conv.input);
  Value output = asOneRow(b, loc, conv.output);
  Value result =
      conv.result == conv.output ? output : asOneRow(b, loc, conv.result);
  SmallVector<std::pair<unsigned, Value>> epilogueInputs;
  for (auto [arg, buffer] : conv.epilogueInputs)
    epilogueInputs.emplace_back(arg, asOneRow(b, loc, buffer));
  if (!input || !output || !result ||
      llvm::any_of(epilogueInputs, [](auto &entry) { return !entry.second; }))
    return false;
  conv.input = input;
  conv.output = output;
  conv.result = result;
  conv.epilogueInputs = std::move(epilogueInputs);
  conv.outW = conv.inW = conv.outH * conv.outW;
  conv.outH = conv.inH = 1;
  return true;
}

/// A 1x1 stride-1 convolution over whole planes reads its planes as rows.
static void flattenPointwise(OpBuilder &b, Location loc, Convolution &conv) {
  auto inType = cast<MemRefType>(conv.input.getType());
  if (conv.kh != 1 || conv.kw != 1 || conv.strideY != 1 || conv.strideX != 1 ||
      inType.getDimSize(2) != conv.outH || inType.getDimSize(3) != conv.outW ||
      conv.outH == 1)
    return;
  viewPlanesAsRows(b, loc, conv);
}

/// A stride-1 convolution whose zero padding keeps the plane's size reads
/// and writes each plane as one row when its rows are too short to fill
/// vectors: 7 columns use 7 of 16 lanes row by row, 49 of 64 across rows.
/// Every vector block of such a plane is emitted on its own, so only planes
/// of a few vectors qualify. Read as one row, every tap is a masked read of
/// its own; row by row, a depthwise window in blocks of rows reads each
/// input vector once for several rows, which pays for a quarter of the
/// lanes: 480x14x14 5x5 took 0.44x the time row by row (14 of 16 lanes
/// against 196 of 208), 1152x7x7 5x5 1.15x (7 of 16 against 49 of 64;
/// `bench/compare.sh -r 8 -n 200` on one-layer models).
static void flattenSmallPlanes(OpBuilder &b, Location loc, Convolution &conv,
                               const Blocking &blocking) {
  if (!conv.implicitPadding || conv.strideY != 1 || conv.strideX != 1 ||
      conv.inH != conv.outH || conv.inW != conv.outW || conv.outH == 1)
    return;
  int64_t width = blocking.vectorWidth;
  int64_t plane = conv.outH * conv.outW;
  int64_t rowLanes = llvm::divideCeil(conv.outW, width) * width;
  int64_t planeVectors = llvm::divideCeil(plane, width);
  // Lanes used: outW / rowLanes row by row, plane / (planeVectors * width)
  // as one row; flatten when that is at least 5% better, or a third for
  // depthwise blocks of rows.
  int64_t percent = usesRowBlocks(conv, blocking) ? 133 : 105;
  if (plane * rowLanes * 100 < percent * conv.outW * planeVectors * width ||
      planeVectors > 16)
    return;
  int64_t planeH = conv.outH, planeW = conv.outW;
  if (!viewPlanesAsRows(b, loc, conv))
    return;
  conv.planeH = planeH;
  conv.planeW = planeW;
}

/// Whether `op` only computes an address or a value, touching no memory.
static bool touchesNoMemory(Operation *op) {
  return op->getNumRegions() == 0 && isMemoryEffectFree(op);
}

/// Whether `generic` is all-parallel with identity maps on its operands.
static bool isElementwise(linalg::GenericOp generic) {
  return generic.getNumParallelLoops() == generic.getNumLoops() &&
         llvm::all_of(generic.getIndexingMapsArray(),
                      [](AffineMap map) { return map.isIdentity(); });
}

/// Fuses the op that fills the convolution's output before it: a
/// linalg.fill, or a generic broadcasting a bias along the channels. Only
/// the allocations, copies and fills of other buffers (padded inputs) may
/// lie between; the memory plan keeps those apart from the output, which is
/// live across them. Returns the op to erase, or null.
static Operation *fuseInitialValue(Operation *convOp, Convolution &conv) {
  for (Operation *prev = convOp->getPrevNode(); prev;
       prev = prev->getPrevNode()) {
    if (touchesNoMemory(prev) || isa<memref::AllocOp>(prev))
      continue;
    bool writesOutput = false;
    if (auto dps = dyn_cast<DestinationStyleOpInterface>(prev))
      writesOutput = dps.getNumDpsInits() == 1 &&
                     dps.getDpsInitOperand(0)->get() == conv.output;
    if (!writesOutput) {
      if (isa<linalg::FillOp, linalg::CopyOp, memref::CopyOp>(prev) &&
          !llvm::is_contained(prev->getOperands(), conv.output))
        continue;
      return nullptr;
    }
    if (auto fill = dyn_cast<linalg::FillOp>(prev)) {
      conv.initialValue = fill.getInputs()[0];
      return fill;
    }
    auto generic = dyn_cast<linalg::GenericOp>(prev);
    if (!generic || generic.getNumDpsInputs() != 1 ||
        generic.getNumParallelLoops() != 4 || generic.getNumLoops() != 4)
      return nullptr;
    Value bias = generic.getDpsInputOperand(0)->get();
    auto biasType = dyn_cast<MemRefType>(bias.getType());
    SmallVector<AffineMap> maps = generic.getIndexingMapsArray();
    Block &body = generic.getRegion().front();
    AffineMap channel =
        AffineMap::get(4, 0, getAffineDimExpr(1, prev->getContext()));
    if (!biasType || biasType.getRank() != 1 ||
        !biasType.getElementType().isF32() || maps[0] != channel ||
        !maps[1].isIdentity() ||
        body.getTerminator()->getOperand(0) != body.getArgument(0))
      return nullptr;
    conv.bias = bias;
    return generic;
  }
  return nullptr;
}

/// Whether `body`, an element-wise generic's, is f32 arith and math on
/// scalars only, which a kernel can apply to vectors.
static bool isScalarF32Body(Block &body) {
  for (Operation &op : body.without_terminator()) {
    StringRef dialect = op.getDialect()->getNamespace();
    bool scalarF32 = op.getNumResults() == 1 &&
                     op.getResult(0).getType().isF32() &&
                     op.getNumRegions() == 0;
    auto constant = dyn_cast<arith::ConstantOp>(op);
    if (!scalarF32 || (dialect != "arith" && dialect != "math") ||
        (constant && !isa<FloatAttr>(constant.getValue())))
      return false;
    for (Value operand : op.getOperands())
      if (!operand.getType().isF32())
        return false;
  }
  return true;
}

/// Moves the allocations of `buffers` that come after `convOp` (in its
/// block) before it, so that its kernel can use them; false, moving
/// nothing, when one is defined there otherwise.
static bool hoistAllocations(ArrayRef<Value> buffers, Operation *convOp) {
  SmallVector<Operation *> allocations;
  for (Value buffer : buffers) {
    Operation *def = buffer.getDefiningOp();
    if (!def || def->getBlock() != convOp->getBlock() ||
        def->isBeforeInBlock(convOp))
      continue;
    if (!isa<memref::AllocOp>(def) || def->getNumOperands() != 0)
      return false;
    allocations.push_back(def);
  }
  for (Operation *allocation : allocations)
    allocation->moveBefore(convOp);
  return true;
}

/// The element-wise generic with one output that comes next after `op`,
/// past views, constants and allocations (of the generic's own output); or
/// null when the next op touching memory is something else.
static linalg::GenericOp nextElementwise(Operation *op) {
  Operation *next = op->getNextNode();
  while (next && (touchesNoMemory(next) || isa<memref::AllocOp>(next)))
    next = next->getNextNode();
  auto generic = dyn_cast_or_null<linalg::GenericOp>(next);
  if (!generic || generic.getNumDpsInits() != 1 || !isElementwise(generic))
    return nullptr;
  return generic;
}

/// Whether storing into `out` would overwrite a buffer that the kernel of
/// `conv` still reads: its input, weights, bias or input scale.
static bool overwritesKernelReads(Value out, const Convolution &conv) {
  Value root = rootBuffer(out);
  return llvm::any_of(
      ArrayRef<Value>{conv.input, conv.filter, conv.bias, conv.inputScale},
      [&](Value read) { return read && rootBuffer(read) == root; });
}

/// Fuses the element-wise op applied to the output right after the
/// convolution when its body is arith and math on f32 only: in place on the
/// output (an activation), or reading the output and other buffers of its
/// shape into another buffer (a residual add) when nothing else reads the
/// output and that buffer is none the kernel reads. Returns the op to
/// erase, or null.
static Operation *fuseEpilogue(Operation *convOp, Operation *initOp,
                               Convolution &conv) {
  linalg::GenericOp generic = nextElementwise(convOp);
  if (!generic)
    return nullptr;
  Block &body = generic.getRegion().front();
  Value out = generic.getDpsInitOperand(0)->get();
  auto outputType = cast<MemRefType>(conv.output.getType());
  SmallVector<std::pair<unsigned, Value>> inputs;
  bool readsOutput = false;
  for (OpOperand *input : generic.getDpsInputOperands()) {
    auto type = dyn_cast<MemRefType>(input->get().getType());
    if (input->get() == conv.output && !readsOutput)
      readsOutput = true;
    else if (type && type.getShape() == outputType.getShape() &&
             type.getElementType().isF32())
      inputs.emplace_back(input->getOperandNumber(), input->get());
    else
      return nullptr;
  }
  if (out != conv.output) {
    // The sums go straight to `out`: the output must die here, `out` must
    // not be read through the output's name, and the kernel must not
    // overwrite what it still reads (the input, weights, bias, scale).
    auto outType = dyn_cast<MemRefType>(out.getType());
    if (!readsOutput || !outType ||
        outType.getShape() != outputType.getShape() ||
        !body.getArgument(generic.getNumDpsInputs()).use_empty())
      return nullptr;
    for (Operation *user : conv.output.getUsers())
      if (user != convOp && user != initOp && user != generic)
        return nullptr;
    if (overwritesKernelReads(out, conv))
      return nullptr;
  }
  if (!isScalarF32Body(body))
    return nullptr;
  // The kernel uses the epilogue's buffers where the convolution is: each
  // must exist there. An allocation between the two moves up.
  SmallVector<Value> buffers = {out};
  for (auto &entry : inputs)
    buffers.push_back(entry.second);
  if (!hoistAllocations(buffers, convOp))
    return nullptr;
  conv.epilogue = generic;
  conv.epilogueInputs = std::move(inputs);
  conv.epilogueSums.clear();
  for (OpOperand &operand : generic->getOpOperands())
    if (operand.get() == conv.output)
      conv.epilogueSums.push_back(operand.getOperandNumber());
  conv.result = out;
  return generic;
}

/// Fuses an element-wise op of one operand applied after the fused epilogue
/// (ResNet's ReLU after its residual add), when it comes next, reads only
/// the epilogue's result and writes it in place or into a new buffer, which
/// then takes the epilogue's result's place: nothing else may read that.
/// Returns the op to erase, or null.
static Operation *fuseEpilogueNext(Operation *convOp, Operation *initOp,
                                   Convolution &conv) {
  if (!conv.epilogue)
    return nullptr;
  linalg::GenericOp generic = nextElementwise(conv.epilogue);
  if (!generic || !isScalarF32Body(generic.getRegion().front()))
    return nullptr;
  Value out = generic.getDpsInitOperand(0)->get();
  for (OpOperand *input : generic.getDpsInputOperands())
    if (input->get() != conv.result)
      return nullptr;
  if (out != conv.result) {
    auto outType = dyn_cast<MemRefType>(out.getType());
    Block &body = generic.getRegion().front();
    if (!outType || outType != conv.result.getType() ||
        !body.getArgument(generic.getNumDpsInputs()).use_empty())
      return nullptr;
    for (Operation *user : conv.result.getUsers())
      if (user != convOp && user != initOp && user != conv.epilogue &&
          user != generic)
        return nullptr;
    Value root = rootBuffer(out);
    if (overwritesKernelReads(out, conv) ||
        llvm::any_of(conv.epilogueInputs, [&](auto &entry) {
          return rootBuffer(entry.second) == root;
        }))
      return nullptr;
    if (!hoistAllocations({out}, convOp))
      return nullptr;
  }
  conv.epilogueNext = generic;
  conv.result = out;
  return generic;
}

/// Whether `map`, over loops (n, c, h, w), reads one element per batch and
/// channel: its results are n or constants, then c, then constants.
static bool isPerChannel(AffineMap map) {
  if (map.getNumDims() != 4 || map.getNumSymbols() != 0)
    return false;
  bool channel = false;
  for (AffineExpr expr : map.getResults()) {
    if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
      if (dim.getPosition() == 1 && !channel)
        channel = true;
      else if (dim.getPosition() != 0 || channel)
        return false;
    } else if (!isa<AffineConstantExpr>(expr)) {
      return false;
    }
  }
  return channel;
}

/// Takes in the op that wrote the convolution's input as another buffer
/// times a per-channel scale (`y[n, c, h, w] = x[n, c, h, w] * s[n, c]`, how
/// squeeze-and-excitation ends) when the convolution is the only reader of
/// y and nothing between the two writes x or s: the kernel reads x and
/// scales its weights by s. Returns the op to erase, or null.
static Operation *fuseInputScale(Operation *convOp, Convolution &conv) {
  Value scaled = conv.input;
  linalg::GenericOp excite;
  for (Operation *user : scaled.getUsers()) {
    if (user == convOp)
      continue;
    auto generic = dyn_cast<linalg::GenericOp>(user);
    if (excite || !generic || generic.getNumDpsInits() != 1 ||
        generic.getDpsInitOperand(0)->get() != scaled)
      return nullptr;
    excite = generic;
  }
  if (!excite || excite.getNumDpsInputs() != 2 ||
      excite.getNumParallelLoops() != 4 || excite.getNumLoops() != 4 ||
      excite->getBlock() != convOp->getBlock() ||
      !excite->isBeforeInBlock(convOp))
    return nullptr;
  // One input read element by element (x), the other once per batch and
  // channel (s), in either order; the body is their product.
  SmallVector<AffineMap> maps = excite.getIndexingMapsArray();
  if (!maps[2].isIdentity())
    return nullptr;
  int xIndex = maps[0].isIdentity() ? 0 : 1;
  if (!maps[xIndex].isIdentity() || !isPerChannel(maps[1 - xIndex]))
    return nullptr;
  Block &body = excite.getRegion().front();
  auto mul = dyn_cast_or_null<arith::MulFOp>(
      body.getTerminator()->getOperand(0).getDefiningOp());
  if (!mul || &body.front() != mul.getOperation() ||
      !llvm::is_contained(mul->getOperands(), body.getArgument(0)) ||
      !llvm::is_contained(mul->getOperands(), body.getArgument(1)))
    return nullptr;
  Value input = excite.getDpsInputOperand(xIndex)->get();
  Value scale = excite.getDpsInputOperand(1 - xIndex)->get();
  if (!isStaticF32Buffer(input) || !isStaticF32Buffer(scale) ||
      input.getType() != scaled.getType())
    return nullptr;
  // Nothing between writes x or s (or any view of their buffers): the
  // kernel reads them as the excite did. Linalg ops on buffers and copies
  // write only their outputs; other ops must not touch memory.
  Value inputRoot = rootBuffer(input), scaleRoot = rootBuffer(scale);
  for (Operation *op = excite->getNextNode(); op != convOp;
       op = op->getNextNode()) {
    // A new buffer is none of those.
    if (touchesNoMemory(op) || isa<memref::AllocOp>(op))
      continue;
    SmallVector<Value> written;
    if (auto copy = dyn_cast<memref::CopyOp>(op))
      written.push_back(copy.getTarget());
    else if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
             linalgOp && linalgOp.hasPureBufferSemantics())
      llvm::append_range(written, linalgOp.getDpsInits());
    else
      return nullptr;
    for (Value buffer : written) {
      Value root = rootBuffer(buffer);
      if (root == inputRoot || root == scaleRoot)
        return nullptr;
    }
  }
  conv.input = input;
  conv.inputScale = scale;
  conv.inputScaleMap = maps[1 - xIndex];
  return excite;
}

/// Whether `value` is the constant `padValue`.
static bool isPadValue(Value value, float padValue) {
  APFloat constant(0.0f);
  return matchPattern(value, m_ConstantFloat(&constant)) &&
         constant.bitwiseIsEqual(APFloat(padValue));
}

/// Reads a padded input through bounds: when the convolution's input is a
/// buffer that is only filled with the padding value (zero; for max pooling
/// the lowest float) and given a copy of a tensor in its interior, the
/// kernel reads that tensor instead, and taps outside it add nothing.
/// Returns the fill and the copy to erase, or nothing.
static SmallVector<Operation *> fusePadding(Operation *convOp,
                                            Operation *initOp,
                                            Convolution &conv) {
  Value padded = conv.input;
  linalg::FillOp fill;
  memref::SubViewOp interior;
  for (Operation *user : padded.getUsers()) {
    if (user == convOp)
      continue;
    if (auto f = dyn_cast<linalg::FillOp>(user); f && !fill &&
                                               f.getOutputs()[0] == padded)
      fill = f;
    else if (auto v = dyn_cast<memref::SubViewOp>(user); v && !interior)
      interior = v;
    else
      return {};
  }
  if (!fill || !interior || !interior->hasOneUse())
    return {};
  // The copy: memref.copy from bufferization, or linalg.copy.
  Operation *copy = *interior->getUsers().begin();
  Value source, target;
  if (auto memrefCopy = dyn_cast<memref::CopyOp>(copy)) {
    source = memrefCopy.getSource();
    target = memrefCopy.getTarget();
  } else if (auto linalgCopy = dyn_cast<linalg::CopyOp>(copy)) {
    source = linalgCopy.getInputs()[0];
    target = linalgCopy.getOutputs()[0];
  }
  if (target != interior.getResult() ||
      !isPadValue(fill.getInputs()[0], conv.padValue()) ||
      !fill->isBeforeInBlock(copy) || copy->getBlock() != convOp->getBlock() ||
      !copy->isBeforeInBlock(convOp))
    return {};
  // Nothing but views, constants, new buffers (a pooling window's, the
  // output's) and the fused initialisation of the output (which a
  // convolution never reads through its input) between the copy and the
  // convolution: the tensor is read as it was copied.
  for (Operation *op = copy->getNextNode(); op != convOp; op = op->getNextNode())
    if (op != initOp && !touchesNoMemory(op) && !isa<memref::AllocOp>(op))
      return {};
  auto offsets = interior.getStaticOffsets();
  auto sourceType = dyn_cast<MemRefType>(source.getType());
  if (!sourceType || !sourceType.hasStaticShape() ||
      ShapedType::isDynamicShape(offsets) || offsets[0] != 0 ||
      offsets[1] != 0 || !interior.hasUnitStride() ||
      interior.getType().getShape() != sourceType.getShape())
    return {};
  // Each padded row is emitted on its own: keep that to the usual few.
  int64_t padBottom = conv.inH - offsets[2] - sourceType.getDimSize(2);
  if (offsets[2] + padBottom > 8 || offsets[3] >= conv.kw * conv.dilationX)
    return {};
  conv.input = source;
  conv.inH = sourceType.getDimSize(2);
  conv.inW = sourceType.getDimSize(3);
  conv.padTop = offsets[2];
  conv.padLeft = offsets[3];
  conv.implicitPadding = true;
  return {copy, fill};
}

/// Register blocking for `target`: as many accumulators as leave room for
/// the input vectors and a broadcast weight.
static Blocking chooseBlocking(std::optional<ghostc::TargetDescription> target) {
  if (!target)
    return {8, 4, 2, 3};
  // 32 registers: 6 x 4 accumulators, 4 inputs, 1 weight. 16 registers:
  // 6 x 2, 2 and 1.
  int64_t vectors = target->vectorRegisters >= 32 ? 4 : 2;
  // Depthwise blocks of rows, not with 4 lanes (SSE2, NEON), where row
  // ends are read lane by lane and NEON's multiply-adds hold the weights
  // in registers: MNASNet for cortex-a76 had twice the stack accesses, and
  // there is no AArch64 hardware here to time it.
  int64_t depthwiseRows = target->f32Lanes() >= 8 ? 3 : 1;
  return {target->f32Lanes(), 6, vectors, depthwiseRows};
}

/// Channel-kernel blocking for `target`: channel vectors x pixels whose
/// accumulators, weight vectors and broadcast inputs fit the registers
/// without spills. AVX-512's FMAs read a broadcast input from memory
/// ({1to16}), so 4 x 6 takes 24 accumulators and 4 weights of 32 registers;
/// NEON's by-element FMAs hold each pixel's input in a vector register, so
/// 2 x 7 (23 registers: 4 x 6 spilled 66 times per iteration); with 16
/// registers (AVX2, SSE), 2 x 5 (2 x 6 spilled). From llvm-mca on a 3x3
/// 64-channel layer's inner loop (neoverse-n1, cortex-a55, haswell) and,
/// for AVX2, `bench/compare.sh` on ResNet-18 compiled for haswell: 2 x 5
/// took 0.73 of 2 x 6's time.
static ChannelBlocking
chooseChannelBlocking(std::optional<ghostc::TargetDescription> target) {
  if (!target)
    return {8, 2, 6, 6};
  if (target->vectorRegisters < 32)
    return {target->f32Lanes(), 2, 5, 5};
  // x86 with 32 registers: 4 x 6, but 4 x 5 at a stride over 1. There
  // LLVM shares a broadcast input between taps (pixel p + 1 at tap kx is
  // pixel p at tap kx + s), which keeps it live s taps and made 4 x 6 spill:
  // ResNet's 7x7 stride-2 stem 0.855x the time with 4 x 5, ResNet-18
  // 0.985x (bench/compare.sh -r 10); stride 1 kept 4 x 6 (ResNet-18 1.008x
  // with 4 x 5 everywhere).
  if (llvm::Triple(target->triple).isX86())
    return {target->f32Lanes(), 4, 6, 5};
  return {target->f32Lanes(), 2, 7, 7};
}

struct GhostLowerConvolutions
    : ghostc::impl::GhostLowerConvolutionsBase<GhostLowerConvolutions> {
  using Base::Base;

  void runOnOperation() override {
    if (vectorWidth < 0 || channelBlock < 0 || vectorBlock < 0 ||
        depthwiseRows < 0) {
      getOperation().emitError("ghost-lower-convolutions: block sizes must be "
                               "positive");
      return signalPassFailure();
    }
    std::optional<ghostc::TargetDescription> target =
        ghostc::TargetDescription::lookup(getOperation());
    Blocking blocking = chooseBlocking(target);
    ChannelBlocking channelBlocking = chooseChannelBlocking(target);
    if (vectorWidth)
      blocking.vectorWidth = channelBlocking.vectorWidth = vectorWidth;
    if (channelBlock)
      blocking.channelBlock = channelBlock;
    if (vectorBlock)
      blocking.vectorBlock = vectorBlock;
    if (depthwiseRows)
      blocking.depthwiseRows = depthwiseRows;
    if (channelGroup)
      channelBlocking.groupVectors = channelGroup;
    if (pixelBlock)
      channelBlocking.pixels = channelBlocking.stridedPixels = pixelBlock;
    // Described first, rewritten after the walk.
    SmallVector<std::pair<Operation *, Convolution>, 0> convolutions;
    getOperation().walk([&](Operation *op) {
      std::optional<Convolution> conv;
      if (auto dense = dyn_cast<linalg::Conv2DNchwFchwOp>(op))
        conv = describe(dense, /*depthwise=*/false);
      else if (auto dw = dyn_cast<linalg::DepthwiseConv2DNchwChwOp>(op))
        conv = describe(dw, /*depthwise=*/true);
      else if (auto max = dyn_cast<linalg::PoolingNchwMaxOp>(op))
        conv = describePooling(max, Convolution::Combine::Maximum);
      else if (auto sum = dyn_cast<linalg::PoolingNchwSumOp>(op))
        conv = describePooling(sum, Convolution::Combine::Add);
      else if (auto generic = dyn_cast<linalg::GenericOp>(op))
        conv = describeGrouped(generic);
      if (conv)
        convolutions.emplace_back(op, *conv);
    });
    IRRewriter rewriter(&getContext());
    FilterPacker packer(getOperation());
    for (auto &[op, conv] : convolutions) {
      Operation *initOp = fuseInitialValue(op, conv);
      SmallVector<Operation *> paddingOps = fusePadding(op, initOp, conv);
      Operation *exciteOp =
          conv.implicitPadding || conv.groups > 1 ||
                  conv.combine != Convolution::Combine::MultiplyAdd
              ? nullptr
              : fuseInputScale(op, conv);
      // Last: it checks the buffers the kernel finally reads.
      Operation *epilogueOp = fuseEpilogue(op, initOp, conv);
      Operation *nextOp = fuseEpilogueNext(op, initOp, conv);
      rewriter.setInsertionPoint(op);
      Value packed;
      if (channelKernel &&
          wantsChannelKernel(conv, channelBlocking.vectorWidth,
                             channelKernelMinTerms))
        packed = packer.pack(rewriter, op->getLoc(), conv.filter,
                             channelBlocking.vectorWidth);
      if (packed) {
        ChannelKernelEmitter(rewriter, op->getLoc(), conv, packed,
                             channelBlocking)
            .emit();
      } else {
        flattenPointwise(rewriter, op->getLoc(), conv);
        flattenSmallPlanes(rewriter, op->getLoc(), conv, blocking);
        KernelEmitter(rewriter, op->getLoc(), conv, blocking).emit();
      }
      rewriter.eraseOp(op);
      if (initOp)
        rewriter.eraseOp(initOp);
      if (epilogueOp)
        rewriter.eraseOp(epilogueOp);
      if (nextOp)
        rewriter.eraseOp(nextOp);
      if (exciteOp)
        rewriter.eraseOp(exciteOp);
      for (Operation *padding : paddingOps)
        rewriter.eraseOp(padding);
    }
    packer.eraseUnpackedSources();
  }
};

} // namespace
