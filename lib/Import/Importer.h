//===- Importer.h - ONNX importer internals ---------------------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// The state of one import: the ONNX values seen so far (known tensors or SSA
// values), the builder, and one converter per ONNX operator. The graph walk is
// in OnnxImporter.cpp, the converters in ConvOps.cpp, ElementwiseOps.cpp,
// ReductionOps.cpp, ShapeOps.cpp and ConstantOps.cpp (see Converters.h).
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_LIB_IMPORT_IMPORTER_H
#define GHOSTC_LIB_IMPORT_IMPORTER_H

#include "KnownTensor.h"

#include "ghostc/Dialect/Ghost/GhostOps.h"
#include "ghostc/Import/OnnxImporter.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <onnx/onnx_pb.h>

#include <optional>
#include <variant>

namespace ghostc::import {

/// An ONNX value during import: known at compile time, or computed.
using OnnxValue = std::variant<KnownTensor, mlir::Value>;

class Importer;

/// Converts one ONNX node; reports problems through Importer::fail.
using NodeConverter = mlir::LogicalResult (*)(Importer &,
                                              const onnx::NodeProto &);

/// The version of an operator's schema that a node is read with, and its
/// converter.
struct OperatorVersion {
  NodeConverter convert;
  int64_t version;
};

/// The converter for `opType` in a model of `opset`: that of the latest
/// version <= opset in the operator table (Operators.cpp). Nothing when
/// the operator is not supported, or not at that opset.
std::optional<OperatorVersion> lookupOperator(llvm::StringRef opType,
                                              int64_t opset);

class Importer {
public:
  Importer(mlir::MLIRContext &context, llvm::StringRef path,
           const ImportOptions &options);

  /// Builds the module for `model`; null after reporting errors. The
  /// initializers' data is cleared from `model` as it is decoded, so that
  /// the weights are held once.
  mlir::OwningOpRef<mlir::ModuleOp> importModel(onnx::ModelProto &model);

  //===--------------------------------------------------------------------===//
  // For converters
  //===--------------------------------------------------------------------===//

  /// Opset of the default ONNX domain.
  int64_t opset() const { return opsetVersion; }
  /// Version of the schema the node being converted is read with: the
  /// operator's latest version <= opset() (see lookupOperator). Converters
  /// test it, not opset(), for what changed between versions.
  int64_t version() const { return currentVersion; }
  mlir::OpBuilder &getBuilder() { return builder; }
  mlir::MLIRContext *getContext() { return builder.getContext(); }
  /// Location of the node being converted: its name, in the model file.
  mlir::Location loc() const { return currentLoc; }

  /// Reports `message` about the node being converted and returns failure.
  mlir::LogicalResult fail(const llvm::Twine &message);

  /// Number of inputs of `node`, not counting trailing empty names.
  static int numInputs(const onnx::NodeProto &node);
  /// True when input `index` is present (within range, non-empty name).
  static bool hasInput(const onnx::NodeProto &node, int index);

  /// Input `index` as a known tensor, or null when it is computed at run time.
  const KnownTensor *known(const onnx::NodeProto &node, int index);
  /// Input `index` as an SSA value; known float tensors are materialised as
  /// ghost.constant. Failure (reported) when the input is missing or an
  /// integer tensor, which only shape computations may use.
  mlir::FailureOr<mlir::Value> value(const onnx::NodeProto &node, int index);
  /// The ONNX value `name` as an SSA value, as for value().
  mlir::FailureOr<mlir::Value> valueNamed(llvm::StringRef name);
  /// Static shape of input `index`, known or computed. Failure (reported)
  /// when the input is missing, as for value().
  mlir::FailureOr<llvm::SmallVector<int64_t>>
  shapeOf(const onnx::NodeProto &node, int index);

  /// True when a node or the graph's outputs read the value `name`.
  bool isUsed(llvm::StringRef name) const {
    return !name.empty() && used.contains(name);
  }

  /// Binds output `index` of the node being converted.
  void define(const onnx::NodeProto &node, int index, OnnxValue value);

  /// Creates `OpTy` from `args` (the builder arguments after the result
  /// type), with its result type inferred by the op's shape rule; a failed
  /// rule is reported as an error about the node instead of aborting.
  template <typename OpTy, typename... Args>
  mlir::FailureOr<mlir::Value> create(Args &&...args) {
    mlir::OperationState state(currentLoc, OpTy::getOperationName());
    OpTy::build(builder, state, builder.getNoneType(),
                std::forward<Args>(args)...);
    llvm::SmallVector<mlir::Type, 1> types;
    if (mlir::failed(OpTy::inferReturnTypes(
            getContext(), currentLoc, state.operands,
            state.attributes.getDictionary(getContext()),
            state.getRawProperties(), state.regions, types)))
      return mlir::failure();
    state.types.assign(types.begin(), types.end());
    return builder.create(state)->getResult(0);
  }

  /// Creates a ghost.reshape of `input` to `shape` (no-op if equal).
  mlir::Value reshape(mlir::Value input, llvm::ArrayRef<int64_t> shape);

  /// Attribute helpers: the attribute's value, `fallback` when it is
  /// absent, failure (reported) when it has another type.
  mlir::FailureOr<int64_t> intAttr(const onnx::NodeProto &node,
                                   llvm::StringRef name, int64_t fallback);
  mlir::FailureOr<float> floatAttr(const onnx::NodeProto &node,
                                   llvm::StringRef name, float fallback);
  mlir::FailureOr<std::string> stringAttr(const onnx::NodeProto &node,
                                          llvm::StringRef name,
                                          llvm::StringRef fallback);
  /// Integer list attribute: std::nullopt when absent, failure (reported)
  /// when it is not a list of integers.
  mlir::FailureOr<std::optional<llvm::SmallVector<int64_t>>>
  intsAttr(const onnx::NodeProto &node, llvm::StringRef name);
  const onnx::AttributeProto *attr(const onnx::NodeProto &node,
                                   llvm::StringRef name);

  /// Decodes a TensorProto (initializer or attribute) into host data.
  llvm::Expected<KnownTensor> decodeTensor(const onnx::TensorProto &tensor);

private:
  mlir::LogicalResult convertNode(const onnx::NodeProto &node);
  mlir::LogicalResult bindGraphInputs(const onnx::GraphProto &graph,
                                      llvm::SmallVectorImpl<mlir::Type> &types,
                                      llvm::SmallVectorImpl<std::string> &names);
  /// The nodes' indices in an order where every value is defined before
  /// it is read.
  mlir::LogicalResult sortNodes(const onnx::GraphProto &graph,
                                llvm::SmallVectorImpl<int> &order);
  llvm::Expected<std::string> readExternalData(const onnx::TensorProto &tensor);
  mlir::Location nodeLocation(const onnx::NodeProto &node, int position);
  std::string describe(const onnx::NodeProto &node, int position) const;
  mlir::LogicalResult failModel(const llvm::Twine &message);

  mlir::OpBuilder builder;
  std::string path;
  const ImportOptions &options;
  int64_t opsetVersion = 0;
  int64_t currentVersion = 0;
  mlir::Location currentLoc;
  llvm::StringMap<OnnxValue> values;
  /// Every value some node or graph output reads.
  llvm::StringSet<> used;
};

} // namespace ghostc::import

#endif // GHOSTC_LIB_IMPORT_IMPORTER_H
