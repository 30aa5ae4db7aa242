//===- LargeAllocations.cpp - large blocks on transparent huge pages ------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Fresh memory is faulted in a 4 KiB page at a time, and on virtual machines
// each fault is costly: importing VGG-11's 507 MB of weights took 6.1 s,
// nearly all of it in page faults, and 1.2 s with huge pages. glibc maps
// blocks of 4 MiB or more on their own (mapLargeAllocations sets that); the
// driver's global operator new advises those as transparent huge pages
// (MADV_HUGEPAGE) before anything touches them, which Linux honours where
// THP is enabled for madvise (Debian's default) or always. The memory and
// what it holds are the same; only how it is faulted in changes. Blocks of
// std::vector, std::string (the protobuf's), MLIR's attribute storage and
// LLVM's allocators go through operator new; LLVM's SmallVector mallocs.
//
//===----------------------------------------------------------------------===//

#include "LargeAllocations.h"

#include "llvm/Support/ErrorHandling.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <new>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace {

/// Blocks of at least this size are mapped on their own, and advised.
constexpr size_t largeBlock = size_t(4) << 20;

} // namespace

void ghostc::mapLargeAllocations() {
#ifdef __GLIBC__
  // glibc would otherwise raise its mmap threshold after the first large
  // free (the protobuf's copy of the weights, once decoded), put later large
  // buffers on the heap, and keep their pages after they are freed:
  // ResNet-50 peaked at 393 MiB instead of 332. (1 MiB saved no more and
  // cost GhostNet 3-6% of its compile time in page faults.)
  mallopt(M_MMAP_THRESHOLD, largeBlock);
#endif
}

// Sanitizers replace operator new themselves.
#ifndef GHOSTC_SANITIZED

namespace {

/// Advises the whole huge pages within [data, data + size).
void adviseHugePages(void *data, size_t size) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t hugePage = uintptr_t(2) << 20;
  uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + hugePage - 1) &
                    ~(hugePage - 1);
  uintptr_t end = (reinterpret_cast<uintptr_t>(data) + size) & ~(hugePage - 1);
  if (begin < end)
    (void)madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

/// `allocate()`, retried through the new handler as operator new must; a
/// failure without one ends the program (ghostc has no exceptions).
template <typename Allocate>
void *allocateOrFail(size_t size, Allocate allocate) {
  for (;;) {
    if (void *data = allocate()) {
      if (size >= largeBlock)
        adviseHugePages(data, size);
      return data;
    }
    std::new_handler handler = std::get_new_handler();
    if (!handler)
      llvm::report_bad_alloc_error("ghostc: out of memory");
    handler();
  }
}

} // namespace

void *operator new(size_t size) {
  return allocateOrFail(size, [&] { return std::malloc(size ? size : 1); });
}

void *operator new(size_t size, std::align_val_t alignment) {
  size_t align = static_cast<size_t>(alignment);
  // aligned_alloc wants a multiple of the alignment.
  size_t rounded = (std::max<size_t>(size, 1) + align - 1) & ~(align - 1);
  return allocateOrFail(size,
                        [&] { return std::aligned_alloc(align, rounded); });
}

#endif // GHOSTC_SANITIZED
