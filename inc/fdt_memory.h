/*
 * Finding the first /memory range in a flattened device tree. A reader
 * only, for firmware that must size normal-world DRAM; bounds-checked
 * against the blob's own header and the caller's limit.
 */
#ifndef FDT_MEMORY_H
#define FDT_MEMORY_H

#include <rampart/types.h>

/*
 * @fdt points at a blob of at most @max_size bytes. Returns BAD_FORMAT for
 * anything malformed, ITEM_NOT_FOUND if there is no memory node with a
 * 2-cell address / 2-cell size "reg".
 */
TEE_Result fdt_first_memory_range(const void *fdt, size_t max_size,
				  uint64_t *base, uint64_t *size);

#endif
