//===- GhostOps.cpp - ghost dialect: shape rules and verifiers ------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Every ghost op infers its result type. The shape rules below are therefore
// also the ops' verifiers: InferTypeOpInterface's trait verifier re-runs them
// on each op and compares with the result type written in the IR. They must
// never assert on malformed operands, since the importer builds ops from
// untrusted files; each rule fails with a diagnostic instead.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Dialect/Ghost/GhostOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CheckedArithmetic.h"

using namespace mlir;
using namespace ghostc::ghost;

//===----------------------------------------------------------------------===//
// Shared shape helpers
//===----------------------------------------------------------------------===//

std::optional<SmallVector<int64_t>>
ghostc::ghost::broadcastShapes(ArrayRef<int64_t> lhs, ArrayRef<int64_t> rhs) {
  size_t rank = std::max(lhs.size(), rhs.size());
  SmallVector<int64_t> result(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t l = i < rank - lhs.size() ? 1 : lhs[i - (rank - lhs.size())];
    int64_t r = i < rank - rhs.size() ? 1 : rhs[i - (rank - rhs.size())];
    if (l != r && l != 1 && r != 1)
      return std::nullopt;
    result[i] = l == 1 ? r : l;
  }
  return result;
}

int64_t ghostc::ghost::slidingWindowSize(int64_t in, int64_t padBegin,
                                         int64_t padEnd, int64_t kernel,
                                         int64_t stride, int64_t dilation,
                                         bool ceilMode) {
  if (stride <= 0 || kernel <= 0 || dilation <= 0)
    return -1;
  // Attributes come from untrusted files: every step is overflow-checked.
  std::optional<int64_t> effectiveKernel =
      llvm::checkedMulAdd<int64_t>(dilation, kernel - 1, 1);
  std::optional<int64_t> padded = llvm::checkedAdd<int64_t>(in, padBegin);
  if (padded)
    padded = llvm::checkedAdd<int64_t>(*padded, padEnd);
  if (!effectiveKernel || !padded || *padded < *effectiveKernel)
    return -1;
  int64_t span = *padded - *effectiveKernel;
  int64_t out = (ceilMode ? span / stride + (span % stride != 0)
                          : span / stride) +
                1;
  // In ceil mode, a last window that would start inside the end padding is
  // dropped (PyTorch and ONNX Runtime agree on this).
  if (ceilMode && (out - 1) * stride >= in + padBegin)
    --out;
  return out;
}

namespace {

/// Reports shape-rule failures for one op, prefixed with the op's name the
/// way `emitOpError` does, at the location inference was given (if any).
class ShapeRules {
public:
  ShapeRules(std::optional<Location> loc, StringRef opName)
      : loc(loc), opName(opName) {}

  LogicalResult fail(const Twine &message) const {
    return emitOptionalError(loc, "'", opName, "' op ", message);
  }

  /// The ranked tensor type of `value`, or null after reporting an error.
  RankedTensorType tensor(Value value, StringRef what) const {
    auto type = value ? dyn_cast<RankedTensorType>(value.getType()) : nullptr;
    if (!type || !type.hasStaticShape())
      (void)fail(Twine(what) + " must be a statically shaped tensor");
    return type;
  }

  /// Checks that `type` has exactly `shape`, naming `what` otherwise.
  LogicalResult expectShape(RankedTensorType type, ArrayRef<int64_t> shape,
                            StringRef what) const {
    if (type.getShape() == shape)
      return success();
    return fail(Twine(what) + " must have shape " + format(shape) +
                ", but has " + format(type.getShape()));
  }

  /// An operand, its name in messages and the shape the op needs it to have.
  struct OperandShape {
    Value value;
    StringRef name;
    SmallVector<int64_t> shape;
  };

  /// Checks every operand of `operands` against its expected shape.
  LogicalResult expectShapes(ArrayRef<OperandShape> operands) const {
    for (const OperandShape &operand : operands) {
      RankedTensorType type = tensor(operand.value, operand.name);
      if (!type || failed(expectShape(type, operand.shape, operand.name)))
        return failure();
    }
    return success();
  }

  static std::string format(ArrayRef<int64_t> shape) {
    std::string text = "[";
    llvm::raw_string_ostream os(text);
    llvm::interleaveComma(shape, os);
    return text + "]";
  }

private:
  std::optional<Location> loc;
  StringRef opName;
};

Type f32Tensor(MLIRContext *context, ArrayRef<int64_t> shape) {
  return RankedTensorType::get(shape, Float32Type::get(context));
}

} // namespace

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

LogicalResult
ConstantOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                             Adaptor adaptor,
                             SmallVectorImpl<Type> &inferredReturnTypes) {
  TypedAttr value = adaptor.getValueAttr();
  if (!value)
    return failure();
  inferredReturnTypes.push_back(value.getType());
  return success();
}

LogicalResult ConstantOp::verify() {
  if (!isa<ElementsAttr>(getValue()))
    return emitOpError("value must be an elements attribute");
  return success();
}

//===----------------------------------------------------------------------===//
// ConvOp and BatchNormOp
//===----------------------------------------------------------------------===//

LogicalResult
ConvOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                         Adaptor adaptor,
                         SmallVectorImpl<Type> &inferredReturnTypes) {
  ShapeRules rules(loc, getOperationName());
  RankedTensorType input = rules.tensor(adaptor.getInput(), "input");
  RankedTensorType weight = rules.tensor(adaptor.getWeight(), "weight");
  if (!input || !weight)
    return failure();
  if (input.getRank() != 4 || weight.getRank() != 4)
    return rules.fail("expects a 4-D input and a 4-D weight");
  ArrayRef<int64_t> strides = adaptor.getStrides();
  ArrayRef<int64_t> pads = adaptor.getPads();
  ArrayRef<int64_t> dilations = adaptor.getDilations();
  if (strides.size() != 2 || pads.size() != 4 || dilations.size() != 2)
    return rules.fail("expects 2 strides, 4 pads and 2 dilations");

  int64_t group = adaptor.getGroup();
  int64_t channels = input.getDimSize(1);
  int64_t outChannels = weight.getDimSize(0);
  if (group <= 0 || channels % group != 0 || outChannels % group != 0)
    return rules.fail("group " + Twine(group) + " must divide the " +
                      Twine(channels) + " input channels and the " +
                      Twine(outChannels) + " output channels");
  if (weight.getDimSize(1) != channels / group)
    return rules.fail("weight must have " + Twine(channels / group) +
                      " input channels per group, but has " +
                      Twine(weight.getDimSize(1)));
  if (adaptor.getBias() &&
      failed(rules.expectShapes({{adaptor.getBias(), "bias", {outChannels}}})))
    return failure();

  SmallVector<int64_t> shape = {input.getDimSize(0), outChannels};
  for (int axis = 0; axis < 2; ++axis) {
    int64_t size = slidingWindowSize(
        input.getDimSize(2 + axis), pads[axis], pads[2 + axis],
        weight.getDimSize(2 + axis), strides[axis], dilations[axis],
        /*ceilMode=*/false);
    if (size <= 0)
      return rules.fail("kernel does not fit the padded input on spatial "
                        "axis " +
                        Twine(axis));
    shape.push_back(size);
  }
  inferredReturnTypes.push_back(f32Tensor(context, shape));
  return success();
}

LogicalResult
BatchNormOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                              Adaptor adaptor,
                              SmallVectorImpl<Type> &inferredReturnTypes) {
  ShapeRules rules(loc, getOperationName());
  RankedTensorType input = rules.tensor(adaptor.getInput(), "input");
  if (!input)
    return failure();
  if (input.getRank() < 2)
    return rules.fail("expects an input of rank 2 or more");
  int64_t channels = input.getDimSize(1);
  if (failed(rules.expectShapes({{adaptor.getScale(), "scale", {channels}},
                                  {adaptor.getBias(), "bias", {channels}},
                                  {adaptor.getMean(), "mean", {channels}},
                                  {adaptor.getVar(), "var", {channels}}})))
    return failure();
  inferredReturnTypes.push_back(input);
  return success();
}

//===----------------------------------------------------------------------===//
// Element-wise ops
//===----------------------------------------------------------------------===//

LogicalResult ClipOp::verify() {
  // Also rejects NaN bounds, for which every comparison is false.
  if (!(getMin().convertToFloat() <= getMax().convertToFloat()))
    return emitOpError("bounds must be numbers with min <= max, got min ")
           << getMin().convertToFloat() << " and max "
           << getMax().convertToFloat();
  return success();
}

/// Shared by the four broadcasting binary ops.
static LogicalResult
inferBroadcast(MLIRContext *context, std::optional<Location> loc,
               StringRef opName, Value lhs, Value rhs,
               SmallVectorImpl<Type> &inferredReturnTypes) {
  ShapeRules rules(loc, opName);
  RankedTensorType lhsType = rules.tensor(lhs, "lhs");
  RankedTensorType rhsType = rules.tensor(rhs, "rhs");
  if (!lhsType || !rhsType)
    return failure();
  std::optional<SmallVector<int64_t>> shape =
      broadcastShapes(lhsType.getShape(), rhsType.getShape());
  if (!shape)
    return rules.fail("operand shapes " + ShapeRules::format(lhsType.getShape()) +
                      " and " + ShapeRules::format(rhsType.getShape()) +
                      " do not broadcast");
  inferredReturnTypes.push_back(f32Tensor(context, *shape));
  return success();
}

#define GHOST_INFER_BROADCAST(OpClass)                                         \
  LogicalResult OpClass::inferReturnTypes(                                     \
      MLIRContext *context, std::optional<Location> loc, Adaptor adaptor,      \
      SmallVectorImpl<Type> &inferredReturnTypes) {                            \
    return inferBroadcast(context, loc, getOperationName(), adaptor.getLhs(),  \
                          adaptor.getRhs(), inferredReturnTypes);              \
  }
GHOST_INFER_BROADCAST(AddOp)
GHOST_INFER_BROADCAST(SubOp)
GHOST_INFER_BROADCAST(MulOp)
GHOST_INFER_BROADCAST(DivOp)
#undef GHOST_INFER_BROADCAST

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

LogicalResult
ConcatOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                           Adaptor adaptor,
                           SmallVectorImpl<Type> &inferredReturnTypes) {
  ShapeRules rules(loc, getOperationName());
  if (adaptor.getInputs().empty())
    return rules.fail("expects at least one input");
  RankedTensorType first = rules.tensor(adaptor.getInputs().front(), "input");
  if (!first)
    return failure();
  uint64_t axis = adaptor.getAxis();
  if (axis >= static_cast<uint64_t>(first.getRank()))
    return rules.fail("axis " + Twine(axis) + " is out of range for rank " +
                      Twine(first.getRank()));
  SmallVector<int64_t> shape(first.getShape());
  shape[axis] = 0;
  for (Value input : adaptor.getInputs()) {
    RankedTensorType type = rules.tensor(input, "input");
    if (!type)
      return failure();
    if (type.getRank() != first.getRank())
      return rules.fail("expects inputs of one rank");
    for (int64_t i = 0, e = type.getRank(); i < e; ++i)
      if (i != static_cast<int64_t>(axis) &&
          type.getDimSize(i) != first.getDimSize(i))
        return rules.fail("inputs differ on axis " + Twine(i) +
                          ", which is not the concatenation axis");
    std::optional<int64_t> sum =
        llvm::checkedAdd<int64_t>(shape[axis], type.getDimSize(axis));
    if (!sum)
      return rules.fail("concatenated size overflows");
    shape[axis] = *sum;
  }
  inferredReturnTypes.push_back(f32Tensor(context, shape));
  return success();
}

LogicalResult
SliceOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                          Adaptor adaptor,
                          SmallVectorImpl<Type> &inferredReturnTypes) {
  ShapeRules rules(loc, getOperationName());
  RankedTensorType input = rules.tensor(adaptor.getInput(), "input");
  if (!input)
    return failure();
  ArrayRef<int64_t> starts = adaptor.getStarts();
  ArrayRef<int64_t> sizes = adaptor.getSizes();
  ArrayRef<int64_t> steps = adaptor.getSteps();
  int64_t rank = input.getRank();
  if (static_cast<int64_t>(starts.size()) != rank ||
      static_cast<int64_t>(sizes.size()) != rank ||
      static_cast<int64_t>(steps.size()) != rank)
    return rules.fail("expects one start, size and step per axis (" +
                      Twine(rank) + ")");
  for (int64_t i = 0; i < rank; ++i) {
    if (steps[i] == 0)
      return rules.fail("step on axis " + Twine(i) + " must not be 0");
    if (sizes[i] == 0)
      continue;
    int64_t dim = input.getDimSize(i);
    std::optional<int64_t> last =
        llvm::checkedMulAdd<int64_t>(sizes[i] - 1, steps[i], starts[i]);
    if (starts[i] < 0 || starts[i] >= dim || !last || *last < 0 ||
        *last >= dim)
      return rules.fail("reads outside the input on axis " + Twine(i) +
                        ": a size of " + Twine(sizes[i]) + " from index " +
                        Twine(starts[i]) + " in steps of " + Twine(steps[i]) +
                        " on an axis of " + Twine(dim));
  }
  inferredReturnTypes.push_back(f32Tensor(context, sizes));
  return success();
}

LogicalResult ReshapeOp::verify() {
  auto inputType = cast<RankedTensorType>(getInput().getType());
  auto outputType = cast<RankedTensorType>(getOutput().getType());
  if (inputType.getNumElements() != outputType.getNumElements())
    return emitOpError("cannot reshape ")
           << inputType.getNumElements() << " elements into "
           << outputType.getNumElements();
  return success();
}

LogicalResult
TransposeOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                              Adaptor adaptor,
                              SmallVectorImpl<Type> &inferredReturnTypes) {
  ShapeRules rules(loc, getOperationName());
  RankedTensorType input = rules.tensor(adaptor.getInput(), "input");
  if (!input)
    return failure();
  ArrayRef<int64_t> perm = adaptor.getPerm();
  int64_t rank = input.getRank();
  SmallVector<bool> seen(rank, false);
  if (static_cast<int64_t>(perm.size()) != rank)
    return rules.fail("perm must be a permutation of the " + Twine(rank) +
                      " axes");
  SmallVector<int64_t> shape;
  for (int64_t axis : perm) {
    if (axis < 0 || axis >= rank || seen[axis])
      return rules.fail("perm must be a permutation of the " + Twine(rank) +
                        " axes");
    seen[axis] = true;
    shape.push_back(input.getDimSize(axis));
  }
  inferredReturnTypes.push_back(f32Tensor(context, shape));
  return success();
}

LogicalResult
PadOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                        Adaptor adaptor,
                        SmallVectorImpl<Type> &inferredReturnTypes) {
  ShapeRules rules(loc, getOperationName());
  RankedTensorType input = rules.tensor(adaptor.getInput(), "input");
  if (!input)
    return failure();
  ArrayRef<int64_t> pads = adaptor.getPads();
  int64_t rank = input.getRank();
  if (static_cast<int64_t>(pads.size()) != 2 * rank)
    return rules.fail("expects " + Twine(2 * rank) + " pads, got " +
                      Twine(pads.size()));
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i) {
    int64_t dim = input.getDimSize(i);
    bool padded = pads[i] > 0 || pads[rank + i] > 0;
    if (adaptor.getMode() == PadMode::Reflect && padded &&
        (pads[i] >= dim || pads[rank + i] >= dim))
      return rules.fail("reflect padding on axis " + Twine(i) +
                        " must be smaller than its size " + Twine(dim));
    if (adaptor.getMode() == PadMode::Edge && dim == 0 && padded)
      return rules.fail("cannot edge-pad the empty axis " + Twine(i));
    std::optional<int64_t> size = llvm::checkedAdd<int64_t>(dim, pads[i]);
    if (size)
      size = llvm::checkedAdd<int64_t>(*size, pads[rank + i]);
    if (!size)
      return rules.fail("padded size overflows on axis " + Twine(i));
    shape.push_back(*size);
  }
  inferredReturnTypes.push_back(f32Tensor(context, shape));
  return success();
}

LogicalResult ResizeOp::verify() {
  auto inputType = cast<RankedTensorType>(getInput().getType());
  auto outputType = cast<RankedTensorType>(getOutput().getType());
  if (inputType.getShape().take_front(2) != outputType.getShape().take_front(2))
    return emitOpError("must keep the batch and channel axes");
  if (llvm::any_of(getScales(), [](float scale) { return !(scale > 0.0f); }))
    return emitOpError("scales must be positive");
  return success();
}

//===----------------------------------------------------------------------===//
// Pooling and reductions
//===----------------------------------------------------------------------===//

LogicalResult GlobalAveragePoolOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  ShapeRules rules(loc, getOperationName());
  RankedTensorType input = rules.tensor(adaptor.getInput(), "input");
  if (!input)
    return failure();
  if (input.getRank() != 4)
    return rules.fail("expects a 4-D input");
  inferredReturnTypes.push_back(f32Tensor(
      context, {input.getDimSize(0), input.getDimSize(1), 1, 1}));
  return success();
}

/// Shared by average and max pooling.
template <typename Adaptor>
static LogicalResult inferPool(MLIRContext *context,
                               std::optional<Location> loc, StringRef opName,
                               Adaptor adaptor,
                               SmallVectorImpl<Type> &inferredReturnTypes) {
  ShapeRules rules(loc, opName);
  RankedTensorType input = rules.tensor(adaptor.getInput(), "input");
  if (!input)
    return failure();
  ArrayRef<int64_t> kernel = adaptor.getKernel();
  ArrayRef<int64_t> strides = adaptor.getStrides();
  ArrayRef<int64_t> pads = adaptor.getPads();
  ArrayRef<int64_t> dilations = adaptor.getDilations();
  if (input.getRank() != 4 || kernel.size() != 2 || strides.size() != 2 ||
      pads.size() != 4 || dilations.size() != 2)
    return rules.fail("expects a 4-D input, 2 kernel sizes, 2 strides, "
                      "4 pads and 2 dilations");
  SmallVector<int64_t> shape = {input.getDimSize(0), input.getDimSize(1)};
  for (int axis = 0; axis < 2; ++axis) {
    // A window of padding only would have no element to reduce.
    if (pads[axis] >= kernel[axis] || pads[2 + axis] >= kernel[axis])
      return rules.fail("padding must be smaller than the kernel");
    int64_t size = slidingWindowSize(input.getDimSize(2 + axis), pads[axis],
                                     pads[2 + axis], kernel[axis],
                                     strides[axis], dilations[axis],
                                     adaptor.getCeilMode());
    if (size <= 0)
      return rules.fail("kernel does not fit the padded input on spatial "
                        "axis " +
                        Twine(axis));
    shape.push_back(size);
  }
  inferredReturnTypes.push_back(f32Tensor(context, shape));
  return success();
}

LogicalResult
AveragePoolOp::inferReturnTypes(MLIRContext *context,
                                std::optional<Location> loc, Adaptor adaptor,
                                SmallVectorImpl<Type> &inferredReturnTypes) {
  return inferPool(context, loc, getOperationName(), adaptor,
                   inferredReturnTypes);
}

LogicalResult
MaxPoolOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                            Adaptor adaptor,
                            SmallVectorImpl<Type> &inferredReturnTypes) {
  return inferPool(context, loc, getOperationName(), adaptor,
                   inferredReturnTypes);
}

LogicalResult
ReduceMeanOp::inferReturnTypes(MLIRContext *context,
                               std::optional<Location> loc, Adaptor adaptor,
                               SmallVectorImpl<Type> &inferredReturnTypes) {
  ShapeRules rules(loc, getOperationName());
  RankedTensorType input = rules.tensor(adaptor.getInput(), "input");
  if (!input)
    return failure();
  ArrayRef<int64_t> axes = adaptor.getAxes();
  int64_t rank = input.getRank();
  for (size_t i = 0; i < axes.size(); ++i)
    if (axes[i] < 0 || axes[i] >= rank || (i > 0 && axes[i] <= axes[i - 1]))
      return rules.fail("axes must be sorted, distinct and within the rank " +
                        Twine(rank));
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i) {
    if (!llvm::is_contained(axes, i))
      shape.push_back(input.getDimSize(i));
    else if (adaptor.getKeepdims())
      shape.push_back(1);
  }
  inferredReturnTypes.push_back(f32Tensor(context, shape));
  return success();
}

LogicalResult SoftmaxOp::verify() {
  if (getAxis() >= static_cast<uint64_t>(getInput().getType().getRank()))
    return emitOpError("axis ") << getAxis() << " is out of range for rank "
                                << getInput().getType().getRank();
  return success();
}

//===----------------------------------------------------------------------===//
// Matrix products
//===----------------------------------------------------------------------===//

LogicalResult
GemmOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                         Adaptor adaptor,
                         SmallVectorImpl<Type> &inferredReturnTypes) {
  ShapeRules rules(loc, getOperationName());
  RankedTensorType a = rules.tensor(adaptor.getA(), "A");
  RankedTensorType b = rules.tensor(adaptor.getB(), "B");
  if (!a || !b)
    return failure();
  if (a.getRank() != 2 || b.getRank() != 2)
    return rules.fail("expects 2-D A and B");
  int64_t m = a.getDimSize(adaptor.getTransA() ? 1 : 0);
  int64_t k = a.getDimSize(adaptor.getTransA() ? 0 : 1);
  int64_t kB = b.getDimSize(adaptor.getTransB() ? 1 : 0);
  int64_t n = b.getDimSize(adaptor.getTransB() ? 0 : 1);
  if (k != kB)
    return rules.fail("inner dimensions differ: " + Twine(k) + " and " +
                      Twine(kB));
  if (Value c = adaptor.getC()) {
    RankedTensorType cType = rules.tensor(c, "C");
    if (!cType)
      return failure();
    std::optional<SmallVector<int64_t>> shape =
        broadcastShapes(cType.getShape(), {m, n});
    if (!shape || *shape != ArrayRef<int64_t>{m, n})
      return rules.fail("C of shape " + ShapeRules::format(cType.getShape()) +
                        " does not broadcast to [" + Twine(m) + ", " +
                        Twine(n) + "]");
  }
  inferredReturnTypes.push_back(f32Tensor(context, {m, n}));
  return success();
}

LogicalResult
MatMulOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                           Adaptor adaptor,
                           SmallVectorImpl<Type> &inferredReturnTypes) {
  ShapeRules rules(loc, getOperationName());
  RankedTensorType lhs = rules.tensor(adaptor.getLhs(), "lhs");
  RankedTensorType rhs = rules.tensor(adaptor.getRhs(), "rhs");
  if (!lhs || !rhs)
    return failure();
  if (lhs.getRank() < 2 || rhs.getRank() < 2)
    return rules.fail("expects operands of rank 2 or more");
  ArrayRef<int64_t> l = lhs.getShape(), r = rhs.getShape();
  if (l.back() != r[r.size() - 2])
    return rules.fail("inner dimensions differ: " + Twine(l.back()) + " and " +
                      Twine(r[r.size() - 2]));
  std::optional<SmallVector<int64_t>> shape =
      broadcastShapes(l.drop_back(2), r.drop_back(2));
  if (!shape)
    return rules.fail("batch dimensions do not broadcast");
  shape->append({l[l.size() - 2], r.back()});
  inferredReturnTypes.push_back(f32Tensor(context, *shape));
  return success();
}

//===----------------------------------------------------------------------===//
// GhostModuleOp and SEOp
//===----------------------------------------------------------------------===//

LogicalResult
GhostModuleOp::inferReturnTypes(MLIRContext *context,
                                std::optional<Location> loc, Adaptor adaptor,
                                SmallVectorImpl<Type> &inferredReturnTypes) {
  ShapeRules rules(loc, getOperationName());
  RankedTensorType input = rules.tensor(adaptor.getInput(), "input");
  if (!input)
    return failure();
  if (input.getRank() != 4)
    return rules.fail("expects a 4-D input");
  int64_t oup = adaptor.getOup(), ratio = adaptor.getRatio();
  int64_t kernel = adaptor.getKernel(), dwSize = adaptor.getDwSize();
  int64_t stride = adaptor.getStride();
  if (oup <= 0 || ratio < 2 || kernel <= 0 || stride <= 0)
    return rules.fail("expects positive oup, kernel and stride and a ratio of "
                      "at least 2");
  if (dwSize <= 0 || dwSize % 2 == 0)
    return rules.fail("dw_size must be odd so that the cheap convolution "
                      "keeps the spatial size, got " +
                      Twine(dwSize));
  Activation act = adaptor.getActivation();
  if (act != Activation::None && act != Activation::Relu)
    return rules.fail("activation must be none or relu, got " +
                      stringifyActivation(act));

  int64_t init = llvm::divideCeilSigned(oup, ratio);
  std::optional<int64_t> cheapCount =
      llvm::checkedMul<int64_t>(init, ratio - 1);
  if (!cheapCount)
    return rules.fail("init * (ratio - 1) overflows");
  int64_t cheap = *cheapCount;
  if (failed(rules.expectShapes(
          {{adaptor.getPrimaryWeight(),
            "primary_weight",
            {init, input.getDimSize(1), kernel, kernel}},
           {adaptor.getPrimaryBias(), "primary_bias", {init}},
           {adaptor.getCheapWeight(),
            "cheap_weight",
            {cheap, 1, dwSize, dwSize}},
           {adaptor.getCheapBias(), "cheap_bias", {cheap}}})))
    return failure();

  SmallVector<int64_t> shape = {input.getDimSize(0), oup};
  for (int axis = 0; axis < 2; ++axis) {
    int64_t size =
        slidingWindowSize(input.getDimSize(2 + axis), kernel / 2, kernel / 2,
                          kernel, stride, /*dilation=*/1, /*ceilMode=*/false);
    if (size <= 0)
      return rules.fail("primary kernel does not fit the input");
    shape.push_back(size);
  }
  inferredReturnTypes.push_back(f32Tensor(context, shape));
  return success();
}

LogicalResult
SEOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                       Adaptor adaptor,
                       SmallVectorImpl<Type> &inferredReturnTypes) {
  ShapeRules rules(loc, getOperationName());
  RankedTensorType input = rules.tensor(adaptor.getInput(), "input");
  RankedTensorType w1 = rules.tensor(adaptor.getW1(), "w1");
  if (!input || !w1)
    return failure();
  if (input.getRank() != 4 || w1.getRank() != 2)
    return rules.fail("expects a 4-D input and a 2-D w1");
  int64_t channels = input.getDimSize(1), reduced = w1.getDimSize(0);
  if (failed(rules.expectShape(w1, {reduced, channels}, "w1")))
    return failure();
  if (failed(rules.expectShapes({{adaptor.getB1(), "b1", {reduced}},
                                  {adaptor.getW2(), "w2", {channels, reduced}},
                                  {adaptor.getB2(), "b2", {channels}}})))
    return failure();
  inferredReturnTypes.push_back(input);
  return success();
}

//===----------------------------------------------------------------------===//
// TableGen'd definitions
//===----------------------------------------------------------------------===//

#include "ghostc/Dialect/Ghost/GhostEnums.cpp.inc"

#define GET_OP_CLASSES
#include "ghostc/Dialect/Ghost/GhostOps.cpp.inc"
