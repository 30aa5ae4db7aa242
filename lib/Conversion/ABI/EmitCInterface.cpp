//===- EmitCInterface.cpp - the generated C entry points ------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Wraps the lowered model function (bare pointers: inputs, outputs,
// workspace) in the two functions of the generated header:
//
//   size_t  <prefix>_workspace_size(void);
//   int32_t <prefix>_run(const void *const *inputs, void *const *outputs,
//                        void *workspace);
//
// The model function itself becomes internal, so the object exports exactly
// these two symbols.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Conversion/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

namespace ghostc {
#define GEN_PASS_DEF_GHOSTEMITCINTERFACE
#include "ghostc/Conversion/Passes.h.inc"
} // namespace ghostc

using namespace mlir;

namespace {

struct GhostEmitCInterfacePass
    : ghostc::impl::GhostEmitCInterfaceBase<GhostEmitCInterfacePass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto model = module.lookupSymbol<LLVM::LLVMFuncOp>("main");
    if (!model) {
      module.emitError("no lowered @main to wrap");
      return signalPassFailure();
    }
    auto numInputs = model->getAttrOfType<IntegerAttr>("ghost.num_inputs");
    auto numOutputs = model->getAttrOfType<IntegerAttr>("ghost.num_outputs");
    auto workspaceSize =
        model->getAttrOfType<IntegerAttr>("ghost.workspace_size");
    if (!numInputs || !numOutputs || !workspaceSize ||
        model.getNumArguments() !=
            numInputs.getInt() + numOutputs.getInt() + 1) {
      model.emitError("expects the ghost.num_inputs, ghost.num_outputs and "
                      "ghost.workspace_size of ghost-plan-memory");
      return signalPassFailure();
    }
    model.setSymName("__" + prefix + "_main");
    model.setLinkage(LLVM::Linkage::Internal);
    // ghostc's own attributes have no meaning in LLVM IR; LLVM's stay.
    for (unsigned i = 0, e = model.getNumArguments(); i < e; ++i) {
      SmallVector<NamedAttribute> kept;
      for (NamedAttribute attr :
           function_interface_impl::getArgAttrs(model, i))
        if (!attr.getName().strref().starts_with("ghost."))
          kept.push_back(attr);
      model.setArgAttrs(i, kept);
    }
    for (StringRef name :
         {"ghost.num_inputs", "ghost.num_outputs", "ghost.workspace_size"})
      model->removeAttr(name);

    MLIRContext *context = &getContext();
    Location loc = model.getLoc();
    OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
    Type ptr = LLVM::LLVMPointerType::get(context);
    Type i32 = builder.getI32Type(), i64 = builder.getI64Type();

    // size_t <prefix>_workspace_size(void)
    auto sizeFunc = LLVM::LLVMFuncOp::create(
        builder, loc, prefix + "_workspace_size",
        LLVM::LLVMFunctionType::get(i64, {}));
    {
      OpBuilder::InsertionGuard guard(builder);
      builder.setInsertionPointToStart(sizeFunc.addEntryBlock(builder));
      Value size = LLVM::ConstantOp::create(builder, loc, i64,
                                            workspaceSize.getInt());
      LLVM::ReturnOp::create(builder, loc, size);
    }

    // int32_t <prefix>_run(inputs, outputs, workspace)
    auto runFunc = LLVM::LLVMFuncOp::create(
        builder, loc, prefix + "_run",
        LLVM::LLVMFunctionType::get(i32, {ptr, ptr, ptr}));
    Block *entry = runFunc.addEntryBlock(builder);
    Block *fail = runFunc.addBlock();
    builder.setInsertionPointToStart(fail);
    LLVM::ReturnOp::create(builder, loc,
                           LLVM::ConstantOp::create(builder, loc, i32, 1));

    // Each null check branches to `fail` or on to a new block.
    Block *current = entry;
    auto requireNonNull = [&](Value pointer) {
      builder.setInsertionPointToEnd(current);
      Value null = LLVM::ZeroOp::create(builder, loc, ptr);
      Value isNull = LLVM::ICmpOp::create(builder, loc, LLVM::ICmpPredicate::eq,
                                          pointer, null);
      Block *next = runFunc.addBlock();
      LLVM::CondBrOp::create(builder, loc, isNull, fail, next);
      current = next;
    };
    auto loadPointers = [&](Value array, int64_t count,
                            SmallVectorImpl<Value> &into) {
      requireNonNull(array);
      for (int64_t i = 0; i < count; ++i) {
        builder.setInsertionPointToEnd(current);
        Value slot = LLVM::GEPOp::create(builder, loc, ptr, ptr, array,
                                         ArrayRef<LLVM::GEPArg>{int32_t(i)});
        Value pointer = LLVM::LoadOp::create(builder, loc, ptr, slot);
        requireNonNull(pointer);
        into.push_back(pointer);
      }
    };
    SmallVector<Value> arguments;
    loadPointers(entry->getArgument(0), numInputs.getInt(), arguments);
    loadPointers(entry->getArgument(1), numOutputs.getInt(), arguments);
    Value workspace = entry->getArgument(2);
    if (workspaceSize.getInt() > 0) {
      requireNonNull(workspace);
      // The memory plan places buffers at 64-byte offsets of the workspace:
      // one not 64-byte aligned gets status 2, not misaligned vectors.
      builder.setInsertionPointToEnd(current);
      Block *misaligned = runFunc.addBlock();
      Block *next = runFunc.addBlock();
      Value address = LLVM::PtrToIntOp::create(builder, loc, i64, workspace);
      Value low = LLVM::AndOp::create(
          builder, loc, address, LLVM::ConstantOp::create(builder, loc, i64, 63));
      Value isMisaligned = LLVM::ICmpOp::create(
          builder, loc, LLVM::ICmpPredicate::ne, low,
          LLVM::ConstantOp::create(builder, loc, i64, 0));
      LLVM::CondBrOp::create(builder, loc, isMisaligned, misaligned, next);
      builder.setInsertionPointToStart(misaligned);
      LLVM::ReturnOp::create(builder, loc,
                             LLVM::ConstantOp::create(builder, loc, i32, 2));
      current = next;
    }
    arguments.push_back(workspace);
    builder.setInsertionPointToEnd(current);
    LLVM::CallOp::create(builder, loc, model, arguments);
    LLVM::ReturnOp::create(builder, loc,
                           LLVM::ConstantOp::create(builder, loc, i32, 0));
  }
};

} // namespace
