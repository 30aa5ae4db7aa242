//===- Operators.cpp - the supported operators and their versions --------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// The operator table: for each ONNX operator ghostc imports, the versions of
// its schema up to opset 21 (the opsets that changed it) and what ghostc
// accepts of them. It is the truth about what is supported: the importer
// looks converters up here, `ghostc --list-ops` prints it, and docs/ops.md
// is generated from that.
//
//===----------------------------------------------------------------------===//

#include "Converters.h"

using namespace mlir;
using namespace ghostc;
using namespace ghostc::import;
using llvm::ArrayRef;
using llvm::StringRef;

namespace {

/// An ONNX operator ghostc imports: the versions of its schema (the opsets
/// that changed it) that it reads, from the first, and what the converter
/// accepts of them. A model of opset N reads each node with the latest
/// version <= N; before the first, the operator is not supported.
struct Operator {
  StringRef opType;
  std::initializer_list<int64_t> versions;
  NodeConverter convert;
  StringRef limits;
};

const Operator kOperators[] = {
    {"Add", {1, 6, 7, 13, 14}, convertAdd,
     "float tensors; multidirectional broadcasting (before version 7, "
     "`broadcast` with `axis`)"},
    {"AveragePool", {1, 7, 10, 11, 19}, convertAveragePool,
     "1-D or 2-D; pads, strides, dilations, `auto_pad`, `ceil_mode`, "
     "`count_include_pad`"},
    {"BatchNormalization", {1, 6, 7, 9, 14, 15}, convertBatchNorm,
     "inference: `training_mode` 0 (before version 7 `is_test` 1, before 9 "
     "`spatial` 1); the first output only"},
    {"Cast", {1, 6, 9, 13, 19, 21}, convertCast,
     "float to float; integer casts of compile-time values"},
    {"Clip", {1, 6, 11, 12, 13}, convertClip,
     "bounds known at compile time (attributes before version 11)"},
    {"Concat", {1, 4, 11, 13}, convertConcat, "any axis"},
    {"Constant", {1, 9, 11, 12, 13, 19, 21}, convertConstant,
     "`value`, `value_float(s)`, `value_int(s)`"},
    {"ConstantOfShape", {9, 20, 21}, convertConstantOfShape,
     "shape known at compile time"},
    {"Conv", {1, 11}, convertConv,
     "1-D or 2-D; groups, strides, dilations, pads, `auto_pad`"},
    {"Div", {1, 6, 7, 13, 14}, convertDiv,
     "as Add"},
    {"Dropout", {1, 6, 7, 10, 12, 13}, convertIdentity,
     "inference: the identity; the first output only"},
    {"Flatten", {1, 9, 11, 13, 21}, convertFlatten, "any axis"},
    {"Gather", {1, 11, 13}, convertGather,
     "compile-time values (shape computations)"},
    {"Gemm", {1, 6, 7, 9, 11, 13}, convertGemm,
     "`alpha`, `beta`, `transA`, `transB`; C broadcast to the result"},
    {"GlobalAveragePool", {1}, convertGlobalAveragePool, "2-D"},
    {"HardSigmoid", {1, 6}, convertHardSigmoid, "`alpha`, `beta`"},
    {"HardSwish", {14}, convertHardSwish, ""},
    {"Identity", {1, 13, 14, 16, 19, 21}, convertIdentity, "tensors"},
    {"LeakyRelu", {1, 6, 16}, convertLeakyRelu, "`alpha`"},
    {"MatMul", {1, 9, 13}, convertMatMul,
     "1-D operands promoted as the standard says"},
    {"MaxPool", {1, 8, 10, 11, 12}, convertMaxPool,
     "1-D or 2-D; pads, strides, dilations, `auto_pad`, `ceil_mode`; not the "
     "indices output"},
    {"Mul", {1, 6, 7, 13, 14}, convertMul, "as Add"},
    {"Pad", {1, 2, 11, 13, 18, 19, 21}, convertPad,
     "constant mode; pads (and axes) known at compile time"},
    {"ReduceMean", {1, 11, 13, 18}, convertReduceMean,
     "axes known at compile time"},
    {"Relu", {1, 6, 13, 14}, convertRelu, ""},
    {"Reshape", {1, 5, 13, 14, 19, 21}, convertReshape,
     "shape known at compile time; `allowzero`"},
    {"Resize", {10, 11, 13, 18, 19}, convertResize,
     "nearest and linear on the two spatial axes; scales or sizes known at "
     "compile time"},
    {"Shape", {1, 13, 15, 19, 21}, convertShape, "`start`, `end`"},
    {"Sigmoid", {1, 6, 13}, convertSigmoid, ""},
    {"Slice", {1, 10, 11, 13}, convertSlice,
     "starts, ends, axes and steps known at compile time"},
    {"Softmax", {1, 11, 13}, convertSoftmax, "any axis"},
    {"Squeeze", {1, 11, 13, 21}, convertSqueeze,
     "axes known at compile time"},
    {"Sub", {1, 6, 7, 13, 14}, convertSub, "as Add"},
    {"Transpose", {1, 13, 21}, convertTranspose, "any permutation"},
    {"Unsqueeze", {1, 11, 13, 21}, convertUnsqueeze,
     "axes known at compile time"},
};

} // namespace

std::optional<OperatorVersion>
ghostc::import::lookupOperator(StringRef opType, int64_t opset) {
  for (const Operator &op : kOperators) {
    if (op.opType != opType)
      continue;
    std::optional<OperatorVersion> found;
    for (int64_t version : op.versions)
      if (version <= opset)
        found = OperatorVersion{op.convert, version};
    return found;
  }
  return std::nullopt;
}

void ghostc::forEachSupportedOperator(
    llvm::function_ref<void(const SupportedOperator &)> callback) {
  for (const Operator &op : kOperators)
    callback(SupportedOperator{op.opType,
                               ArrayRef<int64_t>(op.versions.begin(),
                                                 op.versions.end()),
                               op.limits});
}
