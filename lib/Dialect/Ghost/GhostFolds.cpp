//===- GhostFolds.cpp - ghost dialect folders -----------------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Folders for ghost ops: identities that the importer leaves behind (one-input
// concatenations, whole-tensor slices, reshape chains) and neutral elements of
// the broadcasting arithmetic.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Dialect/Ghost/GhostOps.h"
#include "ghostc/Support/Weights.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace ghostc::ghost;

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

/// True when `attr` is a constant whose every element is `value`.
static bool isSplatOf(Attribute attr, float value) {
  auto splat = dyn_cast_if_present<SplatElementsAttr>(attr);
  return splat && splat.getSplatValue<APFloat>().isExactlyValue(value);
}

/// `x op c` folds to `x` when `c` is the operation's neutral element and
/// broadcasting it does not change x's shape.
template <typename BinaryOp>
static OpFoldResult foldNeutralRhs(BinaryOp op, Attribute rhs, float neutral) {
  if (isSplatOf(rhs, neutral) && op.getLhs().getType() == op.getType())
    return op.getLhs();
  return {};
}

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  return foldNeutralRhs(*this, adaptor.getRhs(), 0.0f);
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  return foldNeutralRhs(*this, adaptor.getRhs(), 1.0f);
}

/// A clip whose lower bound is not negative already does what a relu does,
/// so relu(clip(x)), clip(relu(x)) and relu(relu(x)) drop the relu.
static bool clampsAtZero(Operation *op) {
  if (isa_and_present<ReluOp>(op))
    return true;
  auto clip = dyn_cast_if_present<ClipOp>(op);
  return clip && clip.getMin().convertToFloat() >= 0.0f;
}

OpFoldResult ReluOp::fold(FoldAdaptor) {
  if (clampsAtZero(getInput().getDefiningOp()))
    return getInput();
  return {};
}

OpFoldResult ClipOp::fold(FoldAdaptor) {
  auto relu = getInput().getDefiningOp<ReluOp>();
  if (!relu || getMin().convertToFloat() < 0.0f)
    return {};
  getInputMutable().assign(relu.getInput());
  return getResult();
}

OpFoldResult ConcatOp::fold(FoldAdaptor) {
  if (getInputs().size() == 1)
    return getInputs().front();
  return {};
}

OpFoldResult SliceOp::fold(FoldAdaptor) {
  auto inputType = cast<RankedTensorType>(getInput().getType());
  bool identity = getType() == inputType &&
                  llvm::all_of(getStarts(), [](int64_t s) { return s == 0; }) &&
                  llvm::all_of(getSteps(), [](int64_t s) { return s == 1; });
  return identity ? OpFoldResult(getInput()) : OpFoldResult();
}

OpFoldResult PadOp::fold(FoldAdaptor) {
  if (llvm::all_of(getPads(), [](int64_t p) { return p == 0; }))
    return getInput();
  return {};
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  // A constant's bytes under the new shape (a weight's blob, not copied).
  if (ElementsAttr reshaped = ghostc::reshapeElements(
          adaptor.getInput(), cast<ShapedType>(getType())))
    return reshaped;
  // reshape(reshape(x)) is reshape(x): only the last shape matters.
  if (auto producer = getInput().getDefiningOp<ReshapeOp>()) {
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  return {};
}
