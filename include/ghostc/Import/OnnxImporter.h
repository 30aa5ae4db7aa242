//===- OnnxImporter.h - ONNX models into the ghost dialect ------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Reads an ONNX model (binary protobuf, or ONNX's text syntax) with ONNX's own
// C++ classes and builds a `func.func @main` of ghost ops from it.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_IMPORT_ONNXIMPORTER_H
#define GHOSTC_IMPORT_ONNXIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace ghostc {

/// How symbolic dimensions of the graph inputs are bound at compile time.
struct ImportOptions {
  /// Value of a symbolic (or unknown) leading axis of an input.
  int64_t batch = 1;
  /// Values of named symbolic dimensions; they take precedence over `batch`.
  llvm::StringMap<int64_t> dims;
  /// Limits, checked before anything is allocated: the elements of any one
  /// tensor (initializer, graph input or node result; default 2^28, 1 GiB
  /// of f32) and the bytes of all initializers together (default 2 GiB).
  /// Nothing larger than 2^30 elements is ever accepted.
  int64_t maxTensorElements = int64_t(1) << 28;
  int64_t maxWeightBytes = int64_t(2) << 30;
};

/// The latest opset of the default ONNX domain that ghostc reads.
inline constexpr int64_t kMaxOpset = 21;

/// An ONNX operator that ghostc imports: the versions of its schema it
/// reads (the opsets that changed it, from the first supported), and what
/// of them it accepts.
struct SupportedOperator {
  llvm::StringRef opType;
  llvm::ArrayRef<int64_t> versions;
  llvm::StringRef limits;
};

/// Calls `callback` for every supported operator, in alphabetical order:
/// the importer's own table, so that what it lists is what it reads.
void forEachSupportedOperator(
    llvm::function_ref<void(const SupportedOperator &)> callback);

/// The attribute naming a function argument or result after its ONNX value.
inline constexpr llvm::StringLiteral kOnnxNameAttr = "ghost.onnx_name";

/// Imports the model at `path`: ONNX text syntax when the name ends in
/// `.onnxtxt`, binary protobuf otherwise. The module holds one function,
/// `@main`, whose arguments and results are the graph's inputs and outputs in
/// order, each with a `ghost.onnx_name` attribute. Every problem is reported
/// as an MLIR error diagnostic (naming the ONNX node where there is one), and
/// then null is returned; malformed files never crash the importer.
mlir::OwningOpRef<mlir::ModuleOp> importOnnxFile(mlir::MLIRContext &context,
                                                 llvm::StringRef path,
                                                 const ImportOptions &options);

/// How the bytes of a model are spelled.
enum class ModelFormat { Binary, Text };

/// Imports a model held in memory, as importOnnxFile does a file's contents:
/// `path` names it in diagnostics, and external data is looked up in its
/// folder.
mlir::OwningOpRef<mlir::ModuleOp> importOnnxBuffer(mlir::MLIRContext &context,
                                                   llvm::StringRef bytes,
                                                   llvm::StringRef path,
                                                   ModelFormat format,
                                                   const ImportOptions &options);

} // namespace ghostc

#endif // GHOSTC_IMPORT_ONNXIMPORTER_H
