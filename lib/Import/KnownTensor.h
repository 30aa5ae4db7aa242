//===- KnownTensor.h - tensors known at compile time ------------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Initializers, Constant nodes and the shape subgraphs computed from them are
// known when the model is compiled. The importer keeps them as host data and
// folds the shape arithmetic on them, so that only float tensors that feed
// real computation become `ghost.constant` ops.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_LIB_IMPORT_KNOWNTENSOR_H
#define GHOSTC_LIB_IMPORT_KNOWNTENSOR_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ghostc::import {

/// Largest number of elements ghostc accepts in one tensor: 2^30, 4 GiB of
/// f32. Anything larger in a GhostNet-family model is a corrupted file.
inline constexpr int64_t kMaxElements = int64_t(1) << 30;

/// The product of `shape`, or -1 when a dimension is negative or the product
/// exceeds kMaxElements.
int64_t checkedNumElements(llvm::ArrayRef<int64_t> shape);

/// A tensor whose value is known at compile time: float-like ONNX types are
/// held as float, integer-like types (and bool) as int64.
struct KnownTensor {
  enum class Kind { Float, Int };

  Kind kind = Kind::Float;
  llvm::SmallVector<int64_t> shape;
  std::vector<float> floats;
  std::vector<int64_t> ints;

  static KnownTensor ofInts(llvm::ArrayRef<int64_t> shape,
                            std::vector<int64_t> values);
  static KnownTensor ofFloats(llvm::ArrayRef<int64_t> shape,
                              std::vector<float> values);

  bool isFloat() const { return kind == Kind::Float; }
  int64_t numElements() const {
    return isFloat() ? floats.size() : ints.size();
  }
  /// Element `i` as a double, whatever the kind.
  double at(int64_t i) const { return isFloat() ? floats[i] : ints[i]; }
  /// The elements as int64 (floats truncated toward zero).
  std::vector<int64_t> asInts() const;
  /// The elements as float.
  std::vector<float> asFloats() const;
  /// The same elements converted to `kind`.
  KnownTensor convertedTo(Kind kind) const;
  /// A tensor of `shape` that takes its elements from `source` (row-major)
  /// at the flat indices in `indices`.
  KnownTensor gathered(llvm::ArrayRef<int64_t> shape,
                       llvm::ArrayRef<int64_t> indices) const;
};

/// Row-major strides of `shape`.
llvm::SmallVector<int64_t> stridesOf(llvm::ArrayRef<int64_t> shape);

/// Element-wise `lhs op rhs` with NumPy broadcasting on known tensors; `op` is
/// one of '+', '-', '*', '/'. Integer division truncates toward zero, as
/// ONNX's Div does for integers.
llvm::Expected<KnownTensor> foldBinary(char op, const KnownTensor &lhs,
                                       const KnownTensor &rhs);

} // namespace ghostc::import

#endif // GHOSTC_LIB_IMPORT_KNOWNTENSOR_H
