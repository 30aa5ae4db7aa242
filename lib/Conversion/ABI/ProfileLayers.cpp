//===- ProfileLayers.cpp - objects that time every layer ------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// `ghostc --profile` builds an object whose model function times each layer
// call and adds the nanoseconds to a table the caller can read, so that speed
// work can go where the time is. Two passes: ghost-describe-layers records,
// while the graph still has its ops, what each ONNX node computes (op,
// output shape, FLOPs); ghost-profile-layers, after ghost-outline-layers,
// brackets every layer call with clock readings and emits the tables.
//
//===----------------------------------------------------------------------===//

#include "NodeName.h"
#include "ghostc/Conversion/Passes.h"
#include "ghostc/Dialect/Ghost/GhostOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/SymbolTable.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringExtras.h"

namespace ghostc {
#define GEN_PASS_DEF_GHOSTDESCRIBELAYERS
#define GEN_PASS_DEF_GHOSTPROFILELAYERS
#include "ghostc/Conversion/Passes.h.inc"
} // namespace ghostc

using namespace mlir;
using namespace ghostc::ghost;
using ghostc::nodeName;

namespace {

constexpr StringLiteral kLayersAttr = "ghost.layers";

int64_t numElements(Value value) {
  return cast<ShapedType>(value.getType()).getNumElements();
}

/// Floating-point operations of `op`: two per multiply-accumulate for the
/// convolutions and dense layers, one per result element for the rest, none
/// for ops that only move data.
int64_t flopsOf(Operation *op) {
  if (op->getNumResults() == 0 ||
      isa<ConstantOp, ReshapeOp, TransposeOp, SliceOp, ConcatOp, PadOp>(op))
    return 0;
  int64_t results = numElements(op->getResult(0));
  auto shape = [](Value value) {
    return cast<ShapedType>(value.getType()).getShape();
  };
  if (auto conv = dyn_cast<ConvOp>(op)) {
    ArrayRef<int64_t> w = shape(conv.getWeight());
    return 2 * results * w[1] * w[2] * w[3];
  }
  if (auto ghost = dyn_cast<GhostModuleOp>(op)) {
    // Both convolutions produce their channels at every output pixel.
    ArrayRef<int64_t> out = shape(ghost.getOutput());
    int64_t pixels = out[0] * out[2] * out[3];
    return 2 * pixels *
           (numElements(ghost.getPrimaryWeight()) +
            numElements(ghost.getCheapWeight()));
  }
  if (auto se = dyn_cast<SEOp>(op))
    return 2 * shape(se.getInput())[0] *
               (numElements(se.getW1()) + numElements(se.getW2())) +
           2 * numElements(se.getInput());
  if (auto gemm = dyn_cast<GemmOp>(op)) {
    ArrayRef<int64_t> a = shape(gemm.getA());
    return 2 * results * (gemm.getTransA() ? a[0] : a[1]);
  }
  if (auto matmul = dyn_cast<MatMulOp>(op))
    return 2 * results * shape(matmul.getLhs()).back();
  return results;
}

struct GhostDescribeLayers
    : ghostc::impl::GhostDescribeLayersBase<GhostDescribeLayers> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    struct Layer {
      SmallVector<StringRef> ops;
      std::string shape;
      int64_t flops = 0;
    };
    llvm::MapVector<StringRef, Layer> layers;
    module.walk([&](Operation *op) {
      if (!isa<GhostDialect>(op->getDialect()) || isa<ConstantOp>(op))
        return;
      StringRef node = nodeName(op->getLoc());
      if (node.empty())
        return;
      Layer &layer = layers[node];
      StringRef name = op->getName().stripDialect();
      if (!llvm::is_contained(layer.ops, name))
        layer.ops.push_back(name);
      if (op->getNumResults() == 1)
        if (auto type = dyn_cast<ShapedType>(op->getResult(0).getType())) {
          layer.shape.clear();
          llvm::raw_string_ostream os(layer.shape);
          llvm::interleave(type.getShape(), os, "x");
        }
      layer.flops += flopsOf(op);
    });
    Builder b(module.getContext());
    SmallVector<NamedAttribute> entries;
    for (auto &[node, layer] : layers)
      entries.push_back(b.getNamedAttr(
          node, b.getArrayAttr({b.getStringAttr(llvm::join(layer.ops, "+")),
                                b.getStringAttr(layer.shape),
                                b.getI64IntegerAttr(layer.flops)})));
    module->setAttr(kLayersAttr, b.getDictionaryAttr(entries));
  }
};

struct GhostProfileLayers
    : ghostc::impl::GhostProfileLayersBase<GhostProfileLayers> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto described = module->getAttrOfType<DictionaryAttr>(kLayersAttr);
    module->removeAttr(kLayersAttr);
    for (auto model : llvm::to_vector(module.getOps<func::FuncOp>()))
      if (model->hasAttr("ghost.workspace_size") && !model.isExternal())
        instrument(module, model, described);
  }

  void instrument(ModuleOp module, func::FuncOp model,
                  DictionaryAttr described) {
    SymbolTable symbols(module);
    SmallVector<func::CallOp> calls;
    model.walk([&](func::CallOp call) {
      if (auto callee = symbols.lookup<func::FuncOp>(call.getCallee()))
        if (callee.isPrivate() && !callee.isExternal())
          calls.push_back(call);
    });

    // The table of layers: one line each, "name\top\tshape\tflops\n".
    std::string table;
    for (func::CallOp call : calls) {
      StringRef node = nodeName(call.getLoc());
      table += (node.empty() ? call.getCallee() : node).str();
      auto info = described ? described.getAs<ArrayAttr>(node) : nullptr;
      if (info && info.size() == 3)
        table += "\t" + cast<StringAttr>(info[0]).str() + "\t" +
                 cast<StringAttr>(info[1]).str() + "\t" +
                 std::to_string(cast<IntegerAttr>(info[2]).getInt());
      else
        table += "\t?\t?\t0";
      table += "\n";
    }
    table += '\0';

    OpBuilder b = OpBuilder::atBlockBegin(module.getBody());
    Location loc = model.getLoc();
    Type i8 = b.getI8Type(), i32 = b.getI32Type(), i64 = b.getI64Type();
    auto tableType = MemRefType::get({int64_t(table.size())}, i8);
    auto tableData = DenseElementsAttr::get(
        RankedTensorType::get(tableType.getShape(), i8),
        ArrayRef(reinterpret_cast<const int8_t *>(table.data()), table.size()));
    memref::GlobalOp::create(b, loc, prefix + "_profile_table",
                             b.getStringAttr("public"), tableType, tableData,
                             /*constant=*/true, /*alignment=*/nullptr);
    int64_t count = std::max<int64_t>(calls.size(), 1);
    auto timesType = MemRefType::get({count}, i64);
    memref::GlobalOp::create(
        b, loc, prefix + "_profile_ns", b.getStringAttr("public"), timesType,
        DenseElementsAttr::get(RankedTensorType::get({count}, i64),
                               int64_t(0)),
        /*constant=*/false, /*alignment=*/nullptr);
    // int clock_gettime(clockid_t, struct timespec *): two 64-bit fields on
    // the LP64 targets ghostc supports.
    auto clockType = MemRefType::get({2}, i64);
    StringRef clockName = "clock_gettime";
    if (!symbols.lookup(clockName)) {
      auto clock = func::FuncOp::create(
          b, loc, clockName, b.getFunctionType({i32, clockType}, {i32}));
      clock.setPrivate();
    }

    b.setInsertionPointToStart(&model.getBody().front());
    Value timespec = memref::AllocaOp::create(b, loc, clockType);
    Value times = memref::GetGlobalOp::create(b, loc, timesType,
                                              prefix + "_profile_ns");
    // Nanoseconds on CLOCK_MONOTONIC (1 on Linux).
    auto now = [&](OpBuilder &b) -> Value {
      Value monotonic = arith::ConstantIntOp::create(b, loc, i32, 1);
      func::CallOp::create(b, loc, clockName, TypeRange{i32},
                           ValueRange{monotonic, timespec});
      Value zero = arith::ConstantIndexOp::create(b, loc, 0);
      Value one = arith::ConstantIndexOp::create(b, loc, 1);
      Value seconds = memref::LoadOp::create(b, loc, timespec, zero);
      Value nanos = memref::LoadOp::create(b, loc, timespec, one);
      Value billion = arith::ConstantIntOp::create(b, loc, i64, 1000000000);
      return arith::AddIOp::create(
          b, loc, arith::MulIOp::create(b, loc, seconds, billion), nanos);
    };
    for (auto [index, call] : llvm::enumerate(calls)) {
      b.setInsertionPoint(call);
      Value start = now(b);
      b.setInsertionPointAfter(call);
      Value elapsed = arith::SubIOp::create(b, loc, now(b), start);
      Value slot = arith::ConstantIndexOp::create(b, loc, index);
      Value total = memref::LoadOp::create(b, loc, times, slot);
      memref::StoreOp::create(b, loc,
                              arith::AddIOp::create(b, loc, total, elapsed),
                              times, slot);
    }
  }
};

} // namespace
