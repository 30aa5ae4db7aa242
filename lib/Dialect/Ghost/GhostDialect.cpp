//===- GhostDialect.cpp - ghost dialect registration ----------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Dialect/Ghost/GhostDialect.h"
#include "ghostc/Dialect/Ghost/GhostOps.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace ghostc::ghost;

#include "ghostc/Dialect/Ghost/GhostOpsDialect.cpp.inc"

void GhostDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "ghostc/Dialect/Ghost/GhostOps.cpp.inc"
      >();
}

Operation *GhostDialect::materializeConstant(OpBuilder &builder,
                                             Attribute value, Type type,
                                             Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, cast<TypedAttr>(elements));
}
