//===- Weights.cpp - a model's weights as resource blobs ------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Support/Weights.h"

#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Operation.h"
#include "mlir/IR/SymbolTable.h"

#include <cstdint>
#include <cstring>

using namespace mlir;

std::optional<ArrayRef<char>> ghostc::elementBytes(Attribute attr) {
  if (auto dense = dyn_cast_or_null<DenseElementsAttr>(attr)) {
    if (dense.isSplat())
      return std::nullopt;
    return dense.getRawData();
  }
  if (auto resource = dyn_cast_or_null<DenseResourceElementsAttr>(attr)) {
    const AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return std::nullopt;
    ArrayRef<char> data = blob->getData();
    auto type = cast<ShapedType>(resource.getType());
    Type element = type.getElementType();
    if (!element.isIntOrFloat() || element.getIntOrFloatBitWidth() % 8 != 0 ||
        data.size() != static_cast<uint64_t>(type.getNumElements()) *
                           (element.getIntOrFloatBitWidth() / 8))
      return std::nullopt;
    return data;
  }
  return std::nullopt;
}

std::optional<ArrayRef<float>>
ghostc::f32Elements(Attribute attr, std::vector<float> &storage) {
  auto elements = dyn_cast_or_null<ElementsAttr>(attr);
  if (!elements || !elements.getElementType().isF32())
    return std::nullopt;
  if (std::optional<ArrayRef<char>> bytes = elementBytes(attr)) {
    if (reinterpret_cast<uintptr_t>(bytes->data()) % alignof(float) == 0)
      return ArrayRef<float>(reinterpret_cast<const float *>(bytes->data()),
                             bytes->size() / sizeof(float));
    storage.resize(bytes->size() / sizeof(float));
    std::memcpy(storage.data(), bytes->data(), bytes->size());
    return ArrayRef<float>(storage);
  }
  auto dense = dyn_cast<DenseElementsAttr>(attr);
  if (!dense)
    return std::nullopt;
  auto range = dense.getValues<float>();
  storage.assign(range.begin(), range.end());
  return ArrayRef<float>(storage);
}

ElementsAttr ghostc::makeF32Elements(ShapedType type, std::vector<float> values,
                                     StringRef name) {
  assert(static_cast<int64_t>(values.size()) == type.getNumElements() &&
         "as many values as the type has elements");
  if (values.size() * sizeof(float) <= maxCodeConstantBytes)
    return DenseElementsAttr::get(type, ArrayRef<float>(values));
  // The blob owns the vector: its bytes are not copied, and are freed with
  // the blob.
  auto *owned = new std::vector<float>(std::move(values));
  ArrayRef<char> bytes(reinterpret_cast<const char *>(owned->data()),
                       owned->size() * sizeof(float));
  AsmResourceBlob blob(
      bytes, alignof(float), [owned](void *, size_t, size_t) { delete owned; },
      /*dataIsMutable=*/false);
  return cast<ElementsAttr>(DenseF32ResourceElementsAttr::get(
      type, name.empty() ? "weight" : name, std::move(blob)));
}

ElementsAttr ghostc::reshapeElements(Attribute attr, ShapedType type) {
  if (auto resource = dyn_cast_or_null<DenseResourceElementsAttr>(attr))
    return DenseResourceElementsAttr::get(type, resource.getRawHandle());
  if (auto dense = dyn_cast_or_null<DenseElementsAttr>(attr))
    return dense.reshape(type);
  return {};
}

std::string ghostc::derivedWeightName(Attribute attr, StringRef suffix) {
  if (auto resource = dyn_cast_or_null<DenseResourceElementsAttr>(attr))
    return (resource.getRawHandle().getKey() + suffix).str();
  return suffix.ltrim('.').str();
}

//===----------------------------------------------------------------------===//
// ReleaseDeadWeights
//===----------------------------------------------------------------------===//

using BlobEntry = DialectResourceBlobManager::BlobEntry;

/// The blobs of the resource elements attributes held by the constants
/// and globals in `root` (their inherent attributes and what those
/// contain), and by any operation's discardable attributes. Only those
/// operations are asked for inherent attributes, which is most of the cost.
static llvm::DenseSet<BlobEntry *> referencedBlobs(Operation *root) {
  llvm::DenseSet<BlobEntry *> blobs;
  auto visit = [&](Attribute attr) {
    attr.walk([&](DenseResourceElementsAttr resource) {
      blobs.insert(resource.getRawHandle().getResource());
    });
  };
  root->walk([&](Operation *op) {
    for (NamedAttribute attr : op->getDiscardableAttrs())
      visit(attr.getValue());
    std::optional<RegisteredOperationName> name = op->getRegisteredInfo();
    if (!name || !(name->hasTrait<OpTrait::ConstantLike>() ||
                   name->hasInterface<SymbolOpInterface>()))
      return;
    for (StringAttr attrName : name->getAttributeNames())
      if (std::optional<Attribute> attr = op->getInherentAttr(attrName))
        if (*attr)
          visit(*attr);
  });
  return blobs;
}

void ghostc::ReleaseDeadWeights::runBeforePass(Pass *, Operation *op) {
  // What the previous pass over `op` left is what this one starts from.
  if (!op->getParentOp() && op != root) {
    root = op;
    before = referencedBlobs(op);
  }
}

void ghostc::ReleaseDeadWeights::runAfterPass(Pass *, Operation *op) {
  if (op != root)
    return;
  llvm::DenseSet<BlobEntry *> after = referencedBlobs(op);
  for (BlobEntry *entry : before)
    if (!after.contains(entry))
      entry->setBlob(AsmResourceBlob());
  before = std::move(after);
}

void ghostc::ReleaseDeadWeights::runAfterPassFailed(Pass *, Operation *) {
  root = nullptr;
}
