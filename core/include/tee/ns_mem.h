/*
 * Access to normal-world memory. Every normal-world address is checked to
 * lie entirely in normal-world DRAM before use, and data is always copied
 * (never parsed in place), so the normal world cannot change what the core
 * already validated.
 */
#ifndef TEE_NS_MEM_H
#define TEE_NS_MEM_H

#include <rampart/types.h>

/* BAD_PARAMETERS unless [pa, pa + len) is normal-world DRAM. */
TEE_Result ns_mem_read(paddr_t pa, void *dst, size_t len);
TEE_Result ns_mem_write(paddr_t pa, const void *src, size_t len);

struct shm;

/*
 * A byte range of normal-world memory: either inside a registered or
 * RPC-allocated shared-memory object, or physically contiguous.
 */
struct ns_buf {
	struct shm *shm; /* NULL: contiguous at pa */
	paddr_t pa;
	uint64_t offs; /* into shm */
	uint64_t size;
};

TEE_Result ns_buf_read(const struct ns_buf *b, uint64_t off, void *dst,
		       size_t len);
TEE_Result ns_buf_write(const struct ns_buf *b, uint64_t off, const void *src,
			size_t len);

#endif
