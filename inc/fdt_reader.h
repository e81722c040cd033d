/*
 * Reading the two facts firmware needs from a flattened device tree: the
 * first /memory range and the number of CPUs. A reader only (no editing),
 * bounds-checked against the blob's own header and the caller's limit.
 */
#ifndef FDT_READER_H
#define FDT_READER_H

#include <rampart/types.h>

/*
 * @fdt points at a blob of at most @max_size bytes. BAD_FORMAT for anything
 * malformed, ITEM_NOT_FOUND if there is no memory node with a 2-cell
 * address / 2-cell size "reg".
 */
TEE_Result fdt_first_memory_range(const void *fdt, size_t max_size,
				  uint64_t *base, uint64_t *size);

/* Number of /cpus/cpu@N nodes; ITEM_NOT_FOUND if there are none. */
TEE_Result fdt_count_cpus(const void *fdt, size_t max_size,
			  unsigned int *count);

#endif
