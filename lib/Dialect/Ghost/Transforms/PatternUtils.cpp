//===- PatternUtils.cpp - helpers shared by the ghost graph passes --------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#include "PatternUtils.h"

#include "ghostc/Support/Weights.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"

#include <cmath>

using namespace mlir;
using namespace ghostc::ghost;

std::optional<std::vector<float>> ghostc::ghost::constantValues(Value value) {
  Attribute attr;
  if (!value || !matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  std::vector<float> storage;
  std::optional<ArrayRef<float>> values = f32Elements(attr, storage);
  if (!values)
    return std::nullopt;
  if (values->data() != storage.data())
    storage.assign(values->begin(), values->end());
  return storage;
}

std::string ghostc::ghost::derivedConstantName(Value value, StringRef suffix) {
  Attribute attr;
  if (value)
    (void)matchPattern(value, m_Constant(&attr));
  return derivedWeightName(attr, suffix);
}

bool ghostc::ghost::isConstantSplat(Value value, float expected) {
  std::optional<std::vector<float>> values = constantValues(value);
  return values && !values->empty() &&
         llvm::all_of(*values, [&](float v) {
           return std::fabs(v - expected) <= 1e-6f;
         });
}

bool ghostc::ghost::isCanonicalHardSigmoid(HardSigmoidOp op) {
  return std::fabs(op.getAlpha().convertToFloat() - 1.0f / 6.0f) <= 1e-6f &&
         op.getBeta().convertToFloat() == 0.5f;
}

Value ghostc::ghost::createConstant(PatternRewriter &rewriter, Location loc,
                                    ArrayRef<int64_t> shape,
                                    std::vector<float> values, StringRef name) {
  auto type = RankedTensorType::get(shape, rewriter.getF32Type());
  return ConstantOp::create(rewriter, loc,
                            makeF32Elements(type, std::move(values), name));
}

Value ghostc::ghost::biasOrZeros(PatternRewriter &rewriter, ConvOp conv) {
  if (Value bias = conv.getBias())
    return bias;
  int64_t channels = conv.getWeight().getType().getDimSize(0);
  return createConstant(rewriter, conv.getLoc(), {channels},
                        std::vector<float>(channels, 0.0f));
}

std::pair<int64_t, int64_t> ghostc::ghost::kernelSize(ConvOp conv) {
  auto weight = conv.getWeight().getType();
  return {weight.getDimSize(2), weight.getDimSize(3)};
}

bool ghostc::ghost::allEqual(ArrayRef<int64_t> values, int64_t value) {
  return llvm::all_of(values, [&](int64_t v) { return v == value; });
}

bool ghostc::ghost::isPlainSquareConv(ConvOp conv, int64_t kernel) {
  auto [kh, kw] = kernelSize(conv);
  return conv.getGroup() == 1 && allEqual(conv.getDilations(), 1) &&
         conv.getStrides()[0] == conv.getStrides()[1] && kh == kw &&
         (kernel == 0 || kh == kernel) && allEqual(conv.getPads(), 0);
}
