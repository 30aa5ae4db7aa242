//===- KnownTensor.cpp - tensors known at compile time --------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#include "KnownTensor.h"

#include "ghostc/Dialect/Ghost/GhostOps.h"

#include <cmath>
#include <limits>

using namespace ghostc::import;
using llvm::ArrayRef;
using llvm::SmallVector;

int64_t ghostc::import::checkedNumElements(ArrayRef<int64_t> shape) {
  int64_t count = 1;
  for (int64_t dim : shape) {
    if (dim < 0 || (dim != 0 && count > kMaxElements / dim))
      return -1;
    count *= dim;
  }
  return count;
}

SmallVector<int64_t> ghostc::import::stridesOf(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t i = static_cast<int64_t>(shape.size()) - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * shape[i + 1];
  return strides;
}

KnownTensor KnownTensor::ofInts(ArrayRef<int64_t> shape,
                                std::vector<int64_t> values) {
  KnownTensor t;
  t.kind = Kind::Int;
  t.shape.assign(shape.begin(), shape.end());
  t.ints = std::move(values);
  return t;
}

KnownTensor KnownTensor::ofFloats(ArrayRef<int64_t> shape,
                                  std::vector<float> values) {
  KnownTensor t;
  t.kind = Kind::Float;
  t.shape.assign(shape.begin(), shape.end());
  t.floats = std::move(values);
  return t;
}

std::vector<int64_t> KnownTensor::asInts() const {
  if (!isFloat())
    return ints;
  std::vector<int64_t> result(floats.size());
  // Truncation toward zero, saturated at int64's range (out-of-range float
  // to int conversion is undefined behaviour in C++); NaN becomes 0.
  constexpr double limit = 9223372036854775808.0; // 2^63
  for (size_t i = 0; i < floats.size(); ++i) {
    double value = floats[i];
    result[i] = std::isnan(value) ? 0
                : value >= limit  ? std::numeric_limits<int64_t>::max()
                : value < -limit  ? std::numeric_limits<int64_t>::min()
                                  : static_cast<int64_t>(value);
  }
  return result;
}

std::vector<float> KnownTensor::asFloats() const {
  if (isFloat())
    return floats;
  return std::vector<float>(ints.begin(), ints.end());
}

KnownTensor KnownTensor::convertedTo(Kind target) const {
  return target == Kind::Float ? ofFloats(shape, asFloats())
                               : ofInts(shape, asInts());
}

KnownTensor KnownTensor::gathered(ArrayRef<int64_t> newShape,
                                  ArrayRef<int64_t> indices) const {
  KnownTensor result;
  result.kind = kind;
  result.shape.assign(newShape.begin(), newShape.end());
  for (int64_t index : indices) {
    if (isFloat())
      result.floats.push_back(floats[index]);
    else
      result.ints.push_back(ints[index]);
  }
  return result;
}

llvm::Expected<KnownTensor>
ghostc::import::foldBinary(char op, const KnownTensor &lhs,
                           const KnownTensor &rhs) {
  std::optional<SmallVector<int64_t>> shape =
      ghostc::ghost::broadcastShapes(lhs.shape, rhs.shape);
  if (!shape)
    return llvm::createStringError("operand shapes do not broadcast");
  int64_t count = checkedNumElements(*shape);
  if (count < 0)
    return llvm::createStringError("result is too large");

  // Walk the result in row-major order and map each index onto both operands
  // (a broadcast axis has stride 0).
  auto broadcastStrides = [&](ArrayRef<int64_t> operandShape) {
    SmallVector<int64_t> strides(shape->size(), 0);
    SmallVector<int64_t> own = stridesOf(operandShape);
    size_t offset = shape->size() - operandShape.size();
    for (size_t i = 0; i < operandShape.size(); ++i)
      strides[offset + i] = operandShape[i] == 1 ? 0 : own[i];
    return strides;
  };
  SmallVector<int64_t> lhsStrides = broadcastStrides(lhs.shape);
  SmallVector<int64_t> rhsStrides = broadcastStrides(rhs.shape);
  SmallVector<int64_t> resultStrides = stridesOf(*shape);
  bool isFloat = lhs.isFloat() || rhs.isFloat();

  KnownTensor result;
  result.kind = isFloat ? KnownTensor::Kind::Float : KnownTensor::Kind::Int;
  result.shape = *shape;
  for (int64_t flat = 0; flat < count; ++flat) {
    int64_t l = 0, r = 0;
    for (size_t axis = 0; axis < shape->size(); ++axis) {
      int64_t index = (flat / resultStrides[axis]) % (*shape)[axis];
      l += index * lhsStrides[axis];
      r += index * rhsStrides[axis];
    }
    if (isFloat) {
      double a = lhs.at(l), b = rhs.at(r);
      double v = op == '+' ? a + b : op == '-' ? a - b : op == '*' ? a * b
                                                                   : a / b;
      result.floats.push_back(static_cast<float>(v));
      continue;
    }
    int64_t a = lhs.ints[l], b = rhs.ints[r];
    if (op == '/' && b == 0)
      return llvm::createStringError("integer division by zero");
    // Wrap on overflow rather than invoking undefined behaviour.
    uint64_t ua = static_cast<uint64_t>(a), ub = static_cast<uint64_t>(b);
    int64_t v = op == '+'   ? static_cast<int64_t>(ua + ub)
                : op == '-' ? static_cast<int64_t>(ua - ub)
                : op == '*' ? static_cast<int64_t>(ua * ub)
                : (a == INT64_MIN && b == -1) ? INT64_MIN
                                              : a / b;
    result.ints.push_back(v);
  }
  return result;
}
