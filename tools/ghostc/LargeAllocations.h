//===- LargeAllocations.h - large blocks mapped on their own ----*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_TOOLS_GHOSTC_LARGEALLOCATIONS_H
#define GHOSTC_TOOLS_GHOSTC_LARGEALLOCATIONS_H

namespace ghostc {

/// Has glibc map every block of 4 MiB or more on its own and unmap it when
/// freed, and the driver's operator new advise such blocks as transparent
/// huge pages (LargeAllocations.cpp). Called once, first thing in main.
void mapLargeAllocations();

} // namespace ghostc

#endif // GHOSTC_TOOLS_GHOSTC_LARGEALLOCATIONS_H
