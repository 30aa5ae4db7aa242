//===- Weights.h - a model's weights as resource blobs ----------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// A model's weights are data, not IR. Held as DenseElementsAttr, every
// version of them (as imported, with BatchNorm folded in, transposed,
// packed, flattened) would be a uniqued copy that lives as long as the
// MLIRContext. Held as DenseResourceElementsAttr, each version is one blob
// that owns its bytes: made without a copy from the vector that computed
// it, reshaped without a copy (the same blob under another type), and freed
// by ReleaseDeadWeights once no op refers to it. Small constants (biases,
// masks, the kernels' vector constants) stay dense, for folders and LLVM to
// see their values.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_SUPPORT_WEIGHTS_H
#define GHOSTC_SUPPORT_WEIGHTS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "llvm/ADT/DenseSet.h"

#include <optional>
#include <vector>

namespace ghostc {

/// Constants up to this size are code: they stay dense attributes in MLIR
/// and, in LLVM, constants that each partition using them gets a copy of,
/// which LLVM folds into instructions or constant pools. Larger ones are
/// weights: resource blobs in MLIR, bytes of the object's data in LLVM.
constexpr uint64_t maxCodeConstantBytes = 4096;

/// The bytes of `attr`, a dense (not splat) or dense resource elements
/// attribute, without a copy; nullopt for anything else, or a resource
/// whose blob is gone.
std::optional<llvm::ArrayRef<char>> elementBytes(mlir::Attribute attr);

/// The elements of `attr` when it is an f32 dense or dense resource
/// elements attribute; nullopt otherwise. A view of the attribute's bytes
/// where it holds them as an array of floats (a weight of hundreds of MB is
/// not copied to be read), a copy in `storage` otherwise (a splat).
std::optional<llvm::ArrayRef<float>> f32Elements(mlir::Attribute attr,
                                                 std::vector<float> &storage);

/// An f32 elements attribute of `type` holding `values`, which it takes
/// without a copy when they are a weight (more than maxCodeConstantBytes):
/// a resource blob named after `name` (made unique). Smaller ones are dense.
mlir::ElementsAttr makeF32Elements(mlir::ShapedType type,
                                   std::vector<float> values,
                                   llvm::StringRef name);

/// `attr` as `type`, which has as many elements, when `attr` is a dense or
/// dense resource elements attribute: the same bytes, in row-major order,
/// without a copy for a resource; null for anything else.
mlir::ElementsAttr reshapeElements(mlir::Attribute attr, mlir::ShapedType type);

/// The name a weight computed from `attr` gets: its resource's name with
/// `suffix`, or `suffix` alone for a dense attribute.
std::string derivedWeightName(mlir::Attribute attr, llvm::StringRef suffix);

/// Frees the blob of every weight that a pass over the top-level operation
/// left unreferenced: the weights before BatchNorm folding, before packing,
/// before a transposition. Weights are held by constant-like operations and
/// globals (symbols), or in discardable attributes; only blobs the
/// operation referred to before the pass are freed, so that other modules
/// of the context keep theirs. For one run of a pass manager on one
/// operation, which nothing else changes between passes.
class ReleaseDeadWeights : public mlir::PassInstrumentation {
public:
  void runBeforePass(mlir::Pass *pass, mlir::Operation *op) override;
  void runAfterPass(mlir::Pass *pass, mlir::Operation *op) override;
  void runAfterPassFailed(mlir::Pass *pass, mlir::Operation *op) override;

private:
  /// The top-level operation, and the blobs it refers to after the last pass.
  mlir::Operation *root = nullptr;
  llvm::DenseSet<mlir::DialectResourceBlobManager::BlobEntry *> before;
};

} // namespace ghostc

#endif // GHOSTC_SUPPORT_WEIGHTS_H
